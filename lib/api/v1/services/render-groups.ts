import type { z } from "zod";
import type { ApiKeyCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { apiBatchModes } from "@/lib/db/queries/api-v1";
import { apiRenderBatches, type ApiKeyMode } from "@/lib/db/schema";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createRenderGroup } from "@/lib/renders/create-render-group";
import { getRenderGroup } from "@/lib/renders/render-group-service";
import type { createRenderGroupBody } from "../schemas";
import { apiExportRequest, batchStatus, statusUrl } from "./renders";

export const groupStatusUrl = (groupId: string) => `${appUrl()}/api/v1/render-groups/${groupId}`;

/** GET /api/v1/render-groups/{id}: the app's group progress view (one query set), in the API's words. */
export async function getRenderGroupV1(db: Database, workspaceId: string, groupId: string, knownMode?: ApiKeyMode) {
  const view = await getRenderGroup(db, workspaceId, groupId);
  // The key that just made the group knows its mode; a GET reads it from the batches.
  const modes = knownMode
    ? new Map([["", knownMode]])
    : await apiBatchModes(
        db,
        view.batches.map((b) => b.batchId),
      );
  return {
    id: view.id,
    object: "render_group" as const,
    title: view.title,
    status: batchStatus(view.batches.flatMap((b) => b.outputs)),
    // A group is made by one caller: a test key's batches are all test, an app-made group has none recorded.
    livemode: ![...modes.values()].includes("test"),
    created_at: view.createdAt,
    status_url: groupStatusUrl(view.id),
    outputs: { total: view.total, done: view.done, failed: view.failed, open: view.open },
    renders: view.batches.map((b) => ({
      id: b.batchId,
      product_id: b.productId,
      template_id: b.templateId,
      scene_name: b.sceneName,
      status: batchStatus(b.outputs),
      status_url: statusUrl(b.batchId),
    })),
  };
}

/** The app's field names in a service's 422/404 (`productIds`) as the API spells them (`product_ids`). */
const V1_FIELDS: Record<string, string> = { productIds: "product_ids", templateIds: "template_ids" };

/**
 * POST /api/v1/render-groups: the same service as the app's "Render in batch" (scenes, batches, credits debited
 * all or nothing, one transaction), with each batch recorded as the key's. A test key's group is free Drafts,
 * small and watermarked.
 */
export async function createRenderGroupV1(
  db: Database,
  caller: ApiKeyCaller,
  mode: ApiKeyMode,
  body: z.output<typeof createRenderGroupBody>,
) {
  const test = mode === "test";
  let groupId: string;
  try {
    ({ groupId } = await createRenderGroup(
      db,
      caller,
      {
        productIds: body.product_ids,
        templateIds: body.template_ids,
        tinted: body.tinted,
        shots: body.shots,
        export: apiExportRequest({ ...body, shots: undefined }, mode),
      },
      {
        free: test,
        watermark: test,
        onBatch: async (tx, batchId) => {
          await tx.insert(apiRenderBatches).values({ batchId, keyId: caller.keyId, mode });
        },
      },
    ));
  } catch (err) {
    if (err instanceof AppError && err.fieldErrors)
      throw new AppError(
        err.code,
        err.message,
        Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [V1_FIELDS[k] ?? k, v])),
      );
    throw err;
  }
  return getRenderGroupV1(db, caller.workspaceId, groupId, mode);
}
