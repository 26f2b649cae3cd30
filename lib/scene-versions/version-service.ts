import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { actingUserId, type WorkspaceCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import {
  getSceneVersion,
  insertSceneVersion,
  listSceneVersions,
  newestSceneVersion,
} from "@/lib/db/queries/scene-versions";
import { getScene } from "@/lib/db/queries/scenes";
import { scenes } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseScene } from "@/lib/scene";
import { saveScene, SceneConflictError } from "@/lib/stored-scenes/scene-service";

/** Services take the caller as it is (lib/auth/caller.ts): its workspace scopes every read and write. */
type Ctx = WorkspaceCaller;

/** The list shows this many, newest first (every named version of a busy scene plus the automatic cap). */
export const VERSION_LIST_LIMIT = 200;

/**
 * A thumbnail the editor captured from its own canvas: a small WebP/JPEG/PNG data URL. Bounded so a version row stays
 * a few KB (the editor sends about 4-10 KB at 240 px); anything else is refused, never stored.
 */
export const thumbnailSchema = z
  .string()
  .max(60_000, "The thumbnail is too large.")
  .regex(/^data:image\/(webp|jpeg|png);base64,[A-Za-z0-9+/]+=*$/, "The thumbnail must be a WebP, JPEG or PNG image.");

export const versionNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name for this version.")
  .max(80, "Use at most 80 characters.");

/** Where the list's picture comes from: the captured thumbnail, else the export's rendered file. */
function pictureOf(row: Awaited<ReturnType<typeof listSceneVersions>>[number]): string | null {
  if (row.thumbnail) return row.thumbnail;
  if (row.renderOutputId && row.renderOutputDone)
    return `/api/renders/outputs/${encodeURIComponent(row.renderOutputId)}/file${row.renderOutputPoster ? "?poster=1" : ""}`;
  return null;
}

export async function listVersions(db: Database, ctx: Ctx, sceneId: string) {
  // The scene first: another workspace's scene id is a 404, never an empty list.
  const scene = await getScene(db, ctx.workspaceId, sceneId);
  const rows = await listSceneVersions(db, ctx.workspaceId, sceneId, VERSION_LIST_LIMIT);
  return {
    revision: scene.revision,
    versions: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      name: row.name,
      sceneRevision: row.sceneRevision,
      restoredFromId: row.restoredFromId,
      createdAt: row.createdAt,
      createdByName: row.createdByName,
      picture: pictureOf(row),
    })),
  };
}

/** One version with its document, migrated to the current scene version (the preview draws it). */
export async function loadVersion(db: Database, ctx: Ctx, sceneId: string, versionId: string) {
  const row = await getSceneVersion(db, ctx.workspaceId, sceneId, versionId);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    createdAt: row.createdAt,
    document: parseScene(row.document),
  };
}

/**
 * "Save version…": the scene as stored now, under a name, kept forever. `revision` is what the editor shows: when the
 * scene has moved on since (a save from elsewhere), the name would label a document the user has not seen: 409.
 */
export async function saveNamedVersion(
  db: Database,
  ctx: Ctx,
  sceneId: string,
  input: { name: string; revision?: number; thumbnail?: string | null },
) {
  const scene = await getScene(db, ctx.workspaceId, sceneId);
  if (input.revision !== undefined && input.revision !== scene.revision) throw new SceneConflictError(scene.revision);
  return insertSceneVersion(db, {
    workspaceId: ctx.workspaceId,
    sceneId,
    kind: "named",
    name: input.name,
    document: scene.document,
    sceneRevision: scene.revision,
    thumbnail: input.thumbnail ?? null,
    createdBy: actingUserId(ctx),
  });
}

/**
 * Restore: in one transaction, the current state is kept (a "Before restoring" version, unless a version already holds
 * this revision), the version's document becomes the scene's document through the revision-checked save (stale
 * `revision`: 409, nothing written), and a restore version records the result. Nothing is lost either way.
 */
export async function restoreVersion(
  db: Database,
  ctx: Ctx,
  sceneId: string,
  versionId: string,
  input: { revision?: number; thumbnail?: string | null },
) {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const version = await getSceneVersion(tx, ctx.workspaceId, sceneId, versionId);
    // Row lock: a save racing this restore waits, then finds the revision moved on (409).
    const [current] = await tx
      .select({ document: scenes.document, revision: scenes.revision })
      .from(scenes)
      .where(and(eq(scenes.workspaceId, ctx.workspaceId), eq(scenes.id, sceneId)))
      .for("update")
      .limit(1);
    if (!current) throw new AppError("not_found", "Scene was not found.");
    if (input.revision !== undefined && input.revision !== current.revision)
      throw new SceneConflictError(current.revision);
    const newest = await newestSceneVersion(tx, ctx.workspaceId, sceneId);
    const now = new Date();
    if (newest?.sceneRevision !== current.revision) {
      await insertSceneVersion(tx, {
        workspaceId: ctx.workspaceId,
        sceneId,
        kind: "auto",
        name: "Before restoring",
        createdAt: now,
        document: current.document,
        sceneRevision: current.revision,
        thumbnail: input.thumbnail ?? null,
        createdBy: actingUserId(ctx),
      });
    }
    // Migrated to the current scene version and validated again (its products must still exist): saveScene's checks.
    const document = parseScene(version.document);
    const saved = await saveScene(tx, ctx, sceneId, document, current.revision);
    const restored = await insertSceneVersion(tx, {
      workspaceId: ctx.workspaceId,
      sceneId,
      kind: "restore",
      name: version.name,
      document,
      sceneRevision: saved.revision,
      thumbnail: version.thumbnail,
      renderOutputId: version.renderOutputId,
      restoredFromId: version.id,
      createdBy: actingUserId(ctx),
      // A moment after "Before restoring", so the list's order is the order things happened.
      createdAt: new Date(now.getTime() + 1),
    });
    return { revision: saved.revision, document, versionId: restored.id };
  });
}
