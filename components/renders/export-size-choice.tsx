"use client";

import Link from "next/link";
import { useId } from "react";
import { usePlanLimits } from "@/components/billing/plan-limits";
import type { MultiplierOption } from "@/lib/renders/export-options";
import { SegmentedRadios } from "@/components/ui/segmented-radios";

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
    <SegmentedRadios
      legend="Size"
      value={value}
      onChange={onChange}
      options={options.map((o) => ({
        value: o.multiplier,
        label: `${o.multiplier}×`,
        disabled: !o.allowed,
        title: o.reason ?? undefined,
        describedBy: o.allowed ? undefined : noteId,
      }))}
    >
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
    </SegmentedRadios>
  );
}
