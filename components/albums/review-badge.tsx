import type { ReviewState } from "@/lib/db/schema";

const LOOK: Record<ReviewState, { text: string; className: string }> = {
  approved: { text: "Approved", className: "bg-emerald-50 text-emerald-800 border-emerald-200" },
  changes_requested: { text: "Changes requested", className: "bg-amber-50 text-amber-900 border-amber-200" },
};

/** An item's review state as a small label (nothing while nobody has decided). */
export function ReviewBadge({ state, by }: { state: ReviewState | null | undefined; by?: string }) {
  if (!state) return null;
  const look = LOOK[state];
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${look.className}`}
      title={by ? `${look.text} by ${by}` : look.text}
      data-testid="review-state"
    >
      {look.text}
    </span>
  );
}
