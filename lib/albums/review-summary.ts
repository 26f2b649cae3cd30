/** Review counts as the pages show them; pure (client components import it). */
export type ReviewSummary = { approved: number; changesRequested: number; total: number };

export function summarizeReview(states: (string | null)[]): ReviewSummary {
  return {
    approved: states.filter((s) => s === "approved").length,
    changesRequested: states.filter((s) => s === "changes_requested").length,
    total: states.length,
  };
}

/** "3 of 8 approved, 1 with changes requested". */
export function reviewSummaryText(s: ReviewSummary): string {
  const changes = s.changesRequested ? `, ${s.changesRequested} with changes requested` : "";
  return `${s.approved} of ${s.total} approved${changes}`;
}
