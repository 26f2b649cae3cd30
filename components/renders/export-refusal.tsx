"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { usePlanLimits } from "@/components/billing/plan-limits";

export type ExportProblem = { message: string; code?: string };

/**
 * Why Export did not start, shown in the dialog's footer beside the Export button (never below the fold of the
 * scroll area), announced as an alert and scrolled into view on small screens. A plan refusal links to billing
 * only when this server sells plans.
 */
export function ExportRefusal({ problem }: { problem: ExportProblem | null }) {
  const limits = usePlanLimits();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.scrollIntoView({ block: "nearest" });
  }, [problem]);
  if (!problem) return null;
  return (
    <div
      ref={ref}
      role="alert"
      data-testid="export-refusal"
      className="mb-3 rounded-lg border border-red-200 bg-danger-soft px-3 py-2 text-sm text-danger"
    >
      {problem.message}
      {problem.code === "payment_required" && limits.billing && (
        <Link href="/settings/billing" className="ml-1 font-medium underline">
          Open billing
        </Link>
      )}
    </div>
  );
}
