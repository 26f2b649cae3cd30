"use client";

import Link from "next/link";
import { useId } from "react";
import { usePlanLimits } from "@/components/billing/plan-limits";
import type { MultiplierOption } from "@/lib/renders/export-options";

const joined = (items: string[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/**
 * The Size choice (1× to 4×). Multipliers the workspace's plan does not allow stay visible but disabled, with
 * the reason beside them, so Export never offers what the server would refuse. Without billing the limit is
 * this server's, and no upgrade is offered.
 */
export function ExportSizeChoice({
  value,
  onChange,
  options,
}: {
  value: number;
  onChange: (multiplier: number) => void;
  options: MultiplierOption[];
}) {
  const limits = usePlanLimits();
  const noteId = useId();
  const refused = options.filter((o) => !o.allowed);
  const whose = limits.billing ? `the ${limits.planName} plan's` : "this server's";
  return (
    <fieldset>
      <legend className="text-sm font-medium">Size</legend>
      <div className="mt-1.5 inline-flex rounded-lg border border-line-strong p-0.5">
        {options.map((o) => (
          <label
            key={o.multiplier}
            title={o.reason ?? undefined}
            className={`rounded-md px-2.5 py-1 text-sm ${
              !o.allowed
                ? "cursor-not-allowed text-ink-muted line-through decoration-ink-muted/60"
                : value === o.multiplier
                  ? "cursor-pointer bg-accent text-white"
                  : "cursor-pointer text-ink-soft hover:text-ink"
            }`}
          >
            <input
              type="radio"
              name="Size"
              value={o.multiplier}
              checked={value === o.multiplier}
              disabled={!o.allowed}
              aria-describedby={o.allowed ? undefined : noteId}
              onChange={() => onChange(o.multiplier)}
              className="sr-only"
            />
            {o.multiplier}×
          </label>
        ))}
      </div>
      {refused.length > 0 && (
        <p id={noteId} className="mt-1.5 text-xs text-ink-muted" data-testid="size-limit-note">
          {joined(refused.map((o) => `${o.multiplier}×`))} would be over {whose} limit of {limits.maxOutputPx} px on the
          long side.
          {limits.upgrade && (
            <>
              {" "}
              <Link href="/settings/billing" className="font-medium text-accent underline">
                {limits.upgrade.planName} allows {limits.upgrade.maxOutputPx} px
              </Link>
              .
            </>
          )}
        </p>
      )}
    </fieldset>
  );
}
