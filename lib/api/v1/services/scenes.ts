import type { ApiKeyCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { pageScenes, sceneTimes } from "@/lib/db/queries/api-v1";
import { notFound } from "@/lib/errors";
import { loadScene, saveScene, SceneConflictError } from "@/lib/stored-scenes/scene-service";
import { useTemplate as instantiateTemplateScene } from "@/lib/templates/template-service";
import { decodeCursor, encodeCursor } from "../cursor";
import { ApiV1Error } from "../errors";

const iso = (d: Date | string) => new Date(d).toISOString();

export async function listScenesV1(db: Database, workspaceId: string, q: { limit: number; cursor?: string }) {
  const { rows, next } = await pageScenes(db, workspaceId, q.limit, decodeCursor(q.cursor));
  return {
    object: "list" as const,
    data: rows.map((r) => ({
      id: r.id,
      object: "scene" as const,
      name: r.name,
      product_id: r.productId,
      revision: r.revision,
      created_at: iso(r.createdAt),
      updated_at: iso(r.updatedAt),
    })),
    next_cursor: next ? encodeCursor(next) : null,
  };
}

export async function getSceneV1(db: Database, caller: ApiKeyCaller, id: string) {
  const scene = await loadScene(db, caller, id);
  const times = await sceneTimes(db, caller.workspaceId, id);
  if (!times) throw notFound("Scene");
  return {
    id: scene.id,
    object: "scene" as const,
    name: scene.name,
    product_id: times.productId,
    revision: scene.revision,
    created_at: iso(times.createdAt),
    updated_at: iso(scene.updatedAt),
    document: scene.document as unknown as Record<string, unknown>,
  };
}

/** "Use template" for a program: the scene is placed, fitted and (when asked) tinted like in the gallery. */
export async function createSceneV1(
  db: Database,
  caller: ApiKeyCaller,
  body: { template_id: string; product_id: string; tinted: boolean },
) {
  const { sceneId } = await instantiateTemplateScene(db, caller, {
    templateId: body.template_id,
    productId: body.product_id,
    tinted: body.tinted,
  });
  return getSceneV1(db, caller, sceneId);
}

/** The whole document, validated and revision-checked like the editor's autosave. */
export async function updateSceneV1(
  db: Database,
  caller: ApiKeyCaller,
  id: string,
  body: { document: unknown; revision?: number },
) {
  try {
    await saveScene(db, caller, id, body.document, body.revision);
  } catch (err) {
    if (!(err instanceof SceneConflictError)) throw err;
    throw new ApiV1Error(
      "conflict",
      "revision_conflict",
      `The scene was saved since revision ${body.revision}; it is at revision ${err.currentRevision} now.`,
    );
  }
  return getSceneV1(db, caller, id);
}
