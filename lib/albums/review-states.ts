import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { renderOutputs, reviewDecisions, viewers, type ReviewState } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
export { reviewSummaryText, summarizeReview, type ReviewSummary } from "./review-summary";

export type ReviewStateOf = { state: ReviewState; by: string; at: string };

/** The newest decision on each subject (output or viewer) of one workspace. */
export async function reviewStates(db: Database, workspaceId: string, subjectIds: string[]) {
  const out = new Map<string, ReviewStateOf>();
  if (subjectIds.length === 0) return out;
  const rows = await db
    .selectDistinctOn([reviewDecisions.subjectId], {
      subjectId: reviewDecisions.subjectId,
      state: reviewDecisions.state,
      by: reviewDecisions.decidedByName,
      at: reviewDecisions.createdAt,
    })
    .from(reviewDecisions)
    .where(and(eq(reviewDecisions.workspaceId, workspaceId), inArray(reviewDecisions.subjectId, subjectIds)))
    .orderBy(reviewDecisions.subjectId, desc(reviewDecisions.createdAt), desc(reviewDecisions.id));
  for (const r of rows) out.set(r.subjectId, { state: r.state, by: r.by, at: r.at.toISOString() });
  return out;
}

/** 404 unless every id is an output or viewer of the workspace (another workspace's id answers like a missing one). */
export async function assertOwnSubjects(db: Database, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const outputs = await db
    .select({ id: renderOutputs.id })
    .from(renderOutputs)
    .where(and(eq(renderOutputs.workspaceId, workspaceId), inArray(renderOutputs.id, unique)));
  const found = new Set(outputs.map((o) => o.id));
  const rest = unique.filter((id) => !found.has(id));
  const viewerRows = rest.length
    ? await db
        .select({ id: viewers.id })
        .from(viewers)
        .where(and(eq(viewers.workspaceId, workspaceId), inArray(viewers.id, rest)))
    : [];
  if (viewerRows.length !== rest.length) throw notFound("Render");
}
