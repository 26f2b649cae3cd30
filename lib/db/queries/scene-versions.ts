import { and, desc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Database } from "../index";
import { renderOutputs, sceneVersions, users, type SceneVersionKind } from "../schema";
import { newId } from "@/lib/ids";
import { notFound } from "@/lib/errors";

// Every query takes the workspace and the scene: a version id from another scene or workspace behaves as unknown.

export type NewSceneVersion = {
  workspaceId: string;
  sceneId: string;
  kind: SceneVersionKind;
  name?: string | null;
  document: unknown;
  sceneRevision: number;
  thumbnail?: string | null;
  renderOutputId?: string | null;
  restoredFromId?: string | null;
  createdBy: string | null;
  /** When the snapshot's state was current (an auto snapshot is the state of the previous save); default now. */
  createdAt?: Date;
};

export async function insertSceneVersion(db: Database, input: NewSceneVersion) {
  const id = newId("scv");
  const [row] = await db
    .insert(sceneVersions)
    .values({ id, ...input })
    .returning({ id: sceneVersions.id, createdAt: sceneVersions.createdAt });
  return row;
}

/** Where a page of the list ends: the last row's time (Postgres's own text, microseconds kept) and id. */
export type VersionCursor = { at: string; id: string };

/**
 * The list: newest first, without documents (the preview reads one version). `before`: only rows older than that
 * row (keyset paging on (created_at, id), so versions added or pruned meanwhile never shift a page).
 */
export async function listSceneVersions(
  db: Database,
  workspaceId: string,
  sceneId: string,
  limit: number,
  before?: VersionCursor,
) {
  return db
    .select({
      id: sceneVersions.id,
      // As text: a JS Date keeps milliseconds only, and two versions may share one.
      cursorAt: sql<string>`${sceneVersions.createdAt}::text`,
      kind: sceneVersions.kind,
      name: sceneVersions.name,
      sceneRevision: sceneVersions.sceneRevision,
      thumbnail: sceneVersions.thumbnail,
      restoredFromId: sceneVersions.restoredFromId,
      createdAt: sceneVersions.createdAt,
      createdByName: users.name,
      renderOutputId: sceneVersions.renderOutputId,
      // The export's picture exists once its first output is rendered (a video shows its poster).
      renderOutputDone: sql<boolean>`coalesce(${renderOutputs.status} = 'done' and ${renderOutputs.fileKey} is not null, false)`,
      renderOutputPoster: sql<boolean>`${renderOutputs.posterKey} is not null`,
    })
    .from(sceneVersions)
    .leftJoin(users, eq(users.id, sceneVersions.createdBy))
    .leftJoin(
      renderOutputs,
      and(eq(renderOutputs.id, sceneVersions.renderOutputId), eq(renderOutputs.workspaceId, workspaceId)),
    )
    .where(
      and(
        eq(sceneVersions.workspaceId, workspaceId),
        eq(sceneVersions.sceneId, sceneId),
        before
          ? sql`(${sceneVersions.createdAt}, ${sceneVersions.id}) < (${before.at}::timestamptz, ${before.id})`
          : undefined,
      ),
    )
    .orderBy(desc(sceneVersions.createdAt), desc(sceneVersions.id))
    .limit(limit);
}

export async function getSceneVersion(db: Database, workspaceId: string, sceneId: string, id: string) {
  const [row] = await db
    .select()
    .from(sceneVersions)
    .where(
      and(eq(sceneVersions.workspaceId, workspaceId), eq(sceneVersions.sceneId, sceneId), eq(sceneVersions.id, id)),
    )
    .limit(1);
  if (!row) throw notFound("Version");
  return row;
}

/** The newest version's time and the revision it holds (null: the scene has none yet). */
export async function newestSceneVersion(db: Database, workspaceId: string, sceneId: string) {
  const [row] = await db
    .select({ createdAt: sceneVersions.createdAt, sceneRevision: sceneVersions.sceneRevision })
    .from(sceneVersions)
    .where(and(eq(sceneVersions.workspaceId, workspaceId), eq(sceneVersions.sceneId, sceneId)))
    .orderBy(desc(sceneVersions.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Keeps the newest `keep` unnamed automatic versions (auto, export) of a scene and deletes older ones: named and
 * restore versions, and autos given a name ("Before restoring"), are never pruned.
 */
export async function pruneAutomaticVersions(db: Database, workspaceId: string, sceneId: string, keep: number) {
  const automatic = and(
    eq(sceneVersions.workspaceId, workspaceId),
    eq(sceneVersions.sceneId, sceneId),
    inArray(sceneVersions.kind, ["auto", "export"]),
    isNull(sceneVersions.name),
  );
  const newest = db
    .select({ id: sceneVersions.id })
    .from(sceneVersions)
    .where(automatic)
    .orderBy(desc(sceneVersions.createdAt), desc(sceneVersions.id))
    .limit(keep);
  const deleted = await db
    .delete(sceneVersions)
    .where(and(automatic, notInArray(sceneVersions.id, newest)))
    .returning({ id: sceneVersions.id });
  return deleted.length;
}
