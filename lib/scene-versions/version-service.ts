import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { actingUserId, type WorkspaceCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import {
  getSceneVersion,
  insertSceneVersion,
  listSceneVersions,
  newestSceneVersion,
  type VersionCursor,
} from "@/lib/db/queries/scene-versions";
import { getScene } from "@/lib/db/queries/scenes";
import { scenes } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseScene } from "@/lib/scene";
import { saveScene, SceneConflictError } from "@/lib/stored-scenes/scene-service";

/** Services take the caller as it is (lib/auth/caller.ts): its workspace scopes every read and write. */
type Ctx = WorkspaceCaller;

/** The list shows this many at a time, newest first; "Show older" asks for the next page with `nextCursor`. */
export const VERSION_PAGE_SIZE = 50;

/** An opaque cursor: the page's last row as base64url JSON (its exact time and id). */
function encodeCursor(cursor: VersionCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString("base64url");
}

const cursorSchema = z.tuple([
  // Postgres's timestamptz text ("2026-12-03 12:31:10.123456+00"): checked here, cast by the query.
  z.string().regex(/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?([+-]\d\d(:?\d\d)?|Z)$/),
  z.string().regex(/^[A-Za-z0-9_-]{1,120}$/),
]);

/** A cursor this server made, or a 400 that says what to do (never a query with a half-parsed value). */
export function decodeCursor(raw: string): VersionCursor {
  try {
    const [at, id] = cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return { at, id };
  } catch {
    throw new AppError("bad_request", "This link to older versions is not valid. Open the history again.", {
      before: "Not a cursor this list gave out.",
    });
  }
}

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

/** One page of the list; `before` is the previous page's `nextCursor` (null on the last page). */
export async function listVersions(db: Database, ctx: Ctx, sceneId: string, { before }: { before?: string } = {}) {
  const cursor = before ? decodeCursor(before) : undefined;
  // The scene first: another workspace's scene id is a 404, never an empty list.
  const scene = await getScene(db, ctx.workspaceId, sceneId);
  // One more than a page: whether an older page exists, without a count query.
  const found = await listSceneVersions(db, ctx.workspaceId, sceneId, VERSION_PAGE_SIZE + 1, cursor);
  const rows = found.slice(0, VERSION_PAGE_SIZE);
  const last = rows[rows.length - 1];
  return {
    revision: scene.revision,
    nextCursor: found.length > VERSION_PAGE_SIZE ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
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
