import { and, eq, sql } from "drizzle-orm";
import { actingUserId, type WorkspaceCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { insertSceneVersion, newestSceneVersion, pruneAutomaticVersions } from "@/lib/db/queries/scene-versions";
import { scenes } from "@/lib/db/schema";
import { newId } from "@/lib/ids";
import type { SceneDocument } from "@/lib/scene";

// The automatic snapshots, taken by the save path and by exports. No import of the scene service: it calls these.

type Ctx = WorkspaceCaller;

/** At most one automatic snapshot per this much editing time (the save path takes it, not a browser timer). */
export const AUTO_VERSION_INTERVAL_MS = 10 * 60_000;
/** Unnamed automatic versions (auto, export) kept per scene; older ones are pruned. Named ones are kept forever. */
export const AUTOMATIC_VERSIONS_KEPT = 50;
/**
 * The save path's snapshot, decided before a save: when the newest version is at least AUTO_VERSION_INTERVAL_MS old
 * (or there is none) and does not already hold the stored revision, the document about to be replaced is returned, to
 * be kept once the save succeeds. Keeping the state before the edits means the last state of every editing session
 * survives (a snapshot of the new document would lose it whenever the session ended within the interval).
 */
export async function autoVersionDue(db: Database, workspaceId: string, sceneId: string, now = new Date()) {
  const newest = await newestSceneVersion(db, workspaceId, sceneId);
  if (newest && now.getTime() - newest.createdAt.getTime() < AUTO_VERSION_INTERVAL_MS) return null;
  const [row] = await db
    .select({ document: scenes.document, revision: scenes.revision })
    .from(scenes)
    .where(and(eq(scenes.workspaceId, workspaceId), eq(scenes.id, sceneId)))
    .limit(1);
  if (!row || newest?.sceneRevision === row.revision) return null;
  return row;
}

/** Keeps the state a save replaced (autoVersionDue's answer) as an auto version, then prunes old automatic ones. */
export async function recordAutoVersion(
  db: Database,
  ctx: Ctx,
  sceneId: string,
  before: { document: unknown; revision: number },
) {
  await insertSceneVersion(db, {
    workspaceId: ctx.workspaceId,
    sceneId,
    kind: "auto",
    document: before.document,
    sceneRevision: before.revision,
    createdBy: actingUserId(ctx),
  });
  await pruneAutomaticVersions(db, ctx.workspaceId, sceneId, AUTOMATIC_VERSIONS_KEPT);
}

/**
 * An export's snapshot, written inside the export's transaction (a refused export leaves none): the document as
 * exported, at the scene's current revision, with the batch's first output as its picture once rendered. One
 * statement (insert and prune together): every export pays it, and the API's POST has a query budget. The prune's
 * subquery sees the rows from before the insert, so it keeps one fewer old one.
 */
export async function recordExportVersion(
  tx: Database,
  input: {
    workspaceId: string;
    sceneId: string;
    document: SceneDocument;
    userId: string | null;
    renderOutputId: string | null;
  },
) {
  const { workspaceId, sceneId } = input;
  const automatic = sql`workspace_id = ${workspaceId} and scene_id = ${sceneId} and kind in ('auto', 'export') and name is null`;
  await tx.execute(sql`
    with inserted as (
      insert into scene_versions (id, workspace_id, scene_id, kind, document, scene_revision, render_output_id, created_by)
      select ${newId("scv")}, ${workspaceId}, ${sceneId}, 'export', ${JSON.stringify(input.document)}::jsonb, s.revision,
        ${input.renderOutputId}, ${input.userId}
      from scenes s where s.workspace_id = ${workspaceId} and s.id = ${sceneId}
      returning id
    )
    delete from scene_versions where ${automatic} and id not in (
      select id from scene_versions where ${automatic} order by created_at desc, id desc
      limit (${AUTOMATIC_VERSIONS_KEPT}::int - (select count(*)::int from inserted))
    )`);
}
