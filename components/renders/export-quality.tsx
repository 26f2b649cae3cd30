"use client";

import { useId } from "react";
import { STUDIO_CREDIT_MULTIPLIER } from "@/lib/billing/plans";
import { studioTimeNote, type StudioOffer } from "@/lib/renders/studio";
import { SegmentedRadios, type SegmentedOption } from "@/components/ui/segmented-radios";

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
  const noteId = useId();
  const options: SegmentedOption<ExportQuality>[] = [
    { value: "final", label: "Final" },
    { value: "draft", label: "Draft (fast)" },
    // The note (time, price, or why it is disabled) is read with the Studio choice by screen readers.
    ...(studio?.enabled
      ? [{ value: "studio" as const, label: "Studio", disabled: studioBlocked !== null, describedBy: noteId }]
      : []),
  ];
  return (
    <SegmentedRadios legend="Quality" value={value} onChange={onChange} options={options}>
      {studio?.enabled && (
        <p id={noteId} className="mt-1 text-xs text-ink-muted" data-testid="studio-note">
          {studioBlocked
            ? `Studio: ${studioBlocked}`
            : `Studio: path traced, ${studioTimeNote(studio.budgetS)}, ${STUDIO_CREDIT_MULTIPLIER}× the credits.`}
        </p>
      )}
    </SegmentedRadios>
  );
}
