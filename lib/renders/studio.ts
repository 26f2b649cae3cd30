/**
 * Studio quality (issue 18): the Final raster, then the same scene path traced for a time budget per image. Pure
 * rules shared by the server (which refuses) and the export dialog (which explains): it is offered only when the
 * server turns it on (STUDIO_RENDERS, read in ./studio-settings.ts) and only for the hero ratios, 1:1 and 4:5.
 */
export const STUDIO_RATIOS = ["1:1", "4:5"] as const;

/** What a Studio output records once done (render_outputs.details): samples per pixel reached in its budget. */
export type StudioDetails = { studio: { samples: number; traceMs: number; budgetS: number } };

/** What the client is told about Studio: whether this server offers it, and the time it spends per image. */
export type StudioOffer = { enabled: boolean; budgetS: number };

/**
 * A size is a hero shot when its ratio is 1:1 or 4:5. By aspect with a small tolerance, not by ratioLabel: a size
 * scaled down to the long-side cap rounds (3277x4096 is 4:5 to the eye, not to gcd).
 */
export function isStudioSize({ width, height }: { width: number; height: number }): boolean {
  const aspect = width / height;
  return [1, 4 / 5].some((r) => Math.abs(aspect - r) / r < 0.005);
}

/** Why a Studio export is refused (null: it is not Studio, or it may go ahead). */
export function studioRefusal(
  quality: string,
  outputs: readonly { label: string; width: number; height: number }[],
  offer: Pick<StudioOffer, "enabled">,
): string | null {
  if (quality !== "studio") return null;
  if (!offer.enabled) return "Studio quality is not offered on this server. Pick Final or Draft.";
  const other = outputs.find((o) => !isStudioSize(o));
  if (other)
    return `Studio is only for 1:1 and 4:5 images; ${other.label} (${other.width}×${other.height}) is neither. Pick Final for it, or leave it out.`;
  return null;
}

/** The export dialog's reason for offering Studio disabled (null: every image is 1:1 or 4:5). */
export function studioBlockedReason(
  outputs: readonly { label: string; width: number; height: number }[],
): string | null {
  const others = outputs.filter((o) => !isStudioSize(o)).map((o) => o.label);
  if (others.length === 0) return null;
  return `only for 1:1 and 4:5 images; untick ${[...new Set(others)].join(", ")} to use it.`;
}

/**
 * What a Studio image adds to its job's time limits: the budget, and as much again (at least two minutes) for the
 * tracer's first load, BVH and shader compile on a page. The worker adds it to the draw's timeout and the web to the
 * pg-boss job's expiry (the queue's 300 s would otherwise expire, and retry, a job still tracing); both read the
 * same STUDIO_BUDGET_S.
 */
export function studioExtraSeconds(budgetS: number): number {
  return budgetS + Math.max(120, budgetS);
}

/** The note beside Studio in the export dialog, and the Renders page's status line while one draws. */
export function studioTimeNote(budgetS: number): string {
  return `about ${budgetS} s per image`;
}

/**
 * What the Renders page shows of a Studio output: while it draws, the time it takes; once done, its samples. Absent
 * for any other output: the list's first page is serialised into every Renders page (issue 21), a null per output
 * would cost bytes for nothing.
 */
export type StudioListFields = { studio?: { note: string | null; samples: number | null } };

export function studioFields(
  batchQuality: string,
  output: { status: string; details: unknown },
  budgetS: number,
): StudioListFields {
  if (batchQuality !== "studio") return {};
  const samples = (output.details as Partial<StudioDetails> | null)?.studio?.samples ?? null;
  // A still has no progress of its own to show: without this a minute's path tracing looks stuck.
  const note = output.status === "rendering" ? `Studio: path tracing, ${studioTimeNote(budgetS)}` : null;
  return { studio: { note, samples: output.status === "done" ? samples : null } };
}

/** How each quality is named in the app. */
export const QUALITY_LABEL: Record<"draft" | "final" | "studio", string> = {
  draft: "Draft",
  final: "Final",
  studio: "Studio",
};
