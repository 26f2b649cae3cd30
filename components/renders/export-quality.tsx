"use client";

import { useId } from "react";
import { STUDIO_CREDIT_MULTIPLIER } from "@/lib/billing/plans";
import { studioTimeNote, type StudioOffer } from "@/lib/renders/studio";

export type ExportQuality = "draft" | "final" | "studio";

/**
 * Final, Draft, and Studio where the server offers it (issue 18). Studio is shown disabled, with the reason, when the
 * pick has a ratio other than 1:1 or 4:5; its time per image and price are said beside it. Radios in one fieldset:
 * arrow keys move between them, a disabled one is skipped.
 */
export function ExportQualityChoice({
  value,
  onChange,
  studio,
  studioBlocked,
}: {
  value: ExportQuality;
  onChange: (quality: ExportQuality) => void;
  studio: StudioOffer | undefined;
  /** Why Studio cannot be picked for these images (null: it can). */
  studioBlocked: string | null;
}) {
  const name = useId();
  const noteId = useId();
  const options: { value: ExportQuality; label: string; disabled?: boolean }[] = [
    { value: "final", label: "Final" },
    { value: "draft", label: "Draft (fast)" },
    ...(studio?.enabled ? [{ value: "studio" as const, label: "Studio", disabled: studioBlocked !== null }] : []),
  ];
  return (
    <fieldset>
      <legend className="text-sm font-medium">Quality</legend>
      <div className="mt-1.5 inline-flex rounded-lg border border-line-strong p-0.5">
        {options.map((o) => (
          <label
            key={o.value}
            className={`rounded-md px-2.5 py-1 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent ${
              value === o.value
                ? "bg-accent text-white"
                : o.disabled
                  ? "cursor-not-allowed text-ink-muted line-through"
                  : "cursor-pointer text-ink-soft hover:text-ink"
            }`}
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
              // The time, the price or why it is disabled: read with the choice by screen readers.
              aria-describedby={o.value === "studio" ? noteId : undefined}
              onChange={() => onChange(o.value)}
              className="sr-only"
            />
            {o.label}
          </label>
        ))}
      </div>
      {studio?.enabled && (
        <p id={noteId} className="mt-1 text-xs text-ink-muted" data-testid="studio-note">
          {studioBlocked
            ? `Studio: ${studioBlocked}`
            : `Studio: path traced, ${studioTimeNote(studio.budgetS)}, ${STUDIO_CREDIT_MULTIPLIER}× the credits.`}
        </p>
      )}
    </fieldset>
  );
}
