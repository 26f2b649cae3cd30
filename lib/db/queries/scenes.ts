import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../index";
import { scenes } from "../schema";
import { newId } from "@/lib/ids";
import { notFound } from "@/lib/errors";
import type { SceneDocument } from "@/lib/scene";

// Every query takes the workspace id: a scene id from another workspace behaves as unknown.

export async function listScenes(db: Database, workspaceId: string) {
  return db
    .select({
      id: scenes.id,
      name: scenes.name,
      productId: scenes.productId,
      updatedAt: scenes.updatedAt,
      document: scenes.document,
    })
    .from(scenes)
    .where(eq(scenes.workspaceId, workspaceId))
    .orderBy(desc(scenes.updatedAt));
}

export async function getScene(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(scenes)
    .where(and(eq(scenes.workspaceId, workspaceId), eq(scenes.id, id)))
    .limit(1);
  if (!row) throw notFound("Scene");
  return row;
}

export async function insertScene(
  db: Database,
  input: { workspaceId: string; name: string; document: SceneDocument; createdBy: string | null },
) {
  const id = newId("scn");
  await db.insert(scenes).values({
    id,
    workspaceId: input.workspaceId,
    name: input.name,
    document: input.document,
    productId: input.document.products[0].productId,
    createdBy: input.createdBy,
  });
  return { id };
}

/**
 * Stores a new document and bumps the revision in one statement. With `baseRevision` the update applies only
 * while the row is still at that revision (compare-and-set): of two saves from the same revision exactly one
 * wins; the other gets `{ conflict: currentRevision }`. Without it the save is unconditional (scripts, old clients).
 */
export async function saveSceneDocument(
  db: Database,
  workspaceId: string,
  id: string,
  document: SceneDocument,
  baseRevision?: number,
): Promise<{ revision: number; updatedAt: Date } | { conflict: number }> {
  const [row] = await db
    .update(scenes)
    .set({
      document,
      productId: document.products[0].productId,
      revision: sql`${scenes.revision} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(scenes.workspaceId, workspaceId),
        eq(scenes.id, id),
        baseRevision === undefined ? undefined : eq(scenes.revision, baseRevision),
      ),
    )
    .returning({ revision: scenes.revision, updatedAt: scenes.updatedAt });
  if (row) return row;
  // Nothing updated: either the scene is gone (404) or someone saved since `baseRevision` (409).
  const current = await getScene(db, workspaceId, id);
  return { conflict: current.revision };
}

export async function renameScene(db: Database, workspaceId: string, id: string, name: string) {
  const [row] = await db
    .update(scenes)
    .set({ name, updatedAt: new Date() })
    .where(and(eq(scenes.workspaceId, workspaceId), eq(scenes.id, id)))
    .returning({ id: scenes.id });
  if (!row) throw notFound("Scene");
}

export async function deleteScene(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .delete(scenes)
    .where(and(eq(scenes.workspaceId, workspaceId), eq(scenes.id, id)))
    .returning({ id: scenes.id });
  if (!row) throw notFound("Scene");
}
