import type { Database } from "@/lib/db";
import { actingUserId, type WorkspaceCaller } from "@/lib/auth/caller";
import {
  deleteBatch,
  getBatch,
  getOutputInWorkspace,
  listBatchesWithOutputs,
  type BatchCursor,
} from "@/lib/db/queries/renders";
import { debitCreditsForExport } from "@/lib/billing/debit";
import { AppError } from "@/lib/errors";
import { exportPreflight } from "./export-preflight";
import { getStorage } from "@/lib/storage";
import { createRenderBatch } from "./create-batch";
import { exportRequestSchema, planOutputs } from "./export-options";
import { zipStream } from "./zip-stream";
import { recordTemplateEvents } from "@/lib/db/queries/templates";
import { ratioLabel } from "@/lib/templates/ratio";
import { shownRenderError } from "./failure-messages";
import { encodeRendersCursor } from "./renders-cursor";
import type { RendersFilters } from "./renders-filters";
import { videoFields } from "./video-list";
import { studioFields } from "./studio";
import { studioOffer } from "./studio-settings";

/** Services take the caller as it is (lib/auth/caller.ts): its workspace scopes every read and write. */
type Ctx = WorkspaceCaller;

/** Export: the scene as saved now becomes a batch of frozen outputs, queued for the workers. */
export async function exportScene(db: Database, ctx: Ctx, sceneId: string, raw: unknown) {
  const request = exportRequestSchema.parse(raw);
  const { scene, mainProduct, plan } = await exportPreflight(db, ctx, sceneId, planOutputs(request));
  const batch = await createRenderBatch({
    workspaceId: ctx.workspaceId,
    userId: actingUserId(ctx),
    sceneId: scene.id,
    sceneName: scene.name,
    productName: mainProduct.name,
    document: scene.document,
    request,
    watermark: plan.watermark,
    // Credits are debited in the transaction that creates the jobs: refused whole when they do not fit.
    beforeCommit: async (tx, batch) => {
      await debitCreditsForExport(tx, { workspaceId: ctx.workspaceId, ...batch });
    },
  });
  // "For you" learns from exports (template, ratio, format); never fails the export.
  await recordTemplateEvents(
    db,
    ctx.workspaceId,
    planOutputs(request).map((o) => ({
      kind: "export" as const,
      sceneId: scene.id,
      ratio: ratioLabel(o.width, o.height),
      format: request.format,
    })),
  ).catch(() => {});
  return batch;
}

/** How many exports the Renders page shows first, and adds with each "Load more". */
export const RENDERS_PAGE_SIZE = 10;

type BatchRow = Awaited<ReturnType<typeof listBatchesWithOutputs>>["batches"][number];

/**
 * What the Renders page and its "Load more" (GET /api/renders) show of an export, and nothing else: the first page
 * is serialised into every Renders page's HTML (issue 21). File size and render time stay (a few bytes an export):
 * the benches read them from here (bench/lib/client.ts); the scene id went (the board links by batch).
 */
function toListItem(b: BatchRow, studioBudgetS: number) {
  return {
    id: b.id,
    sceneName: b.sceneName,
    productName: b.productName,
    format: b.format,
    quality: b.quality,
    transparent: b.transparent,
    createdAt: b.createdAt.toISOString(),
    outputs: b.outputs.map((o) => ({
      id: o.id,
      label: o.label,
      width: o.width,
      height: o.height,
      status: o.status,
      error: shownRenderError(o.error),
      fileName: o.fileName,
      bytes: o.bytes,
      renderMs: o.renderMs,
      url: o.status === "done" ? `/api/renders/outputs/${o.id}/file` : null,
      ...videoFields(b.format, o),
      ...studioFields(b.quality, o, studioBudgetS),
    })),
  };
}

export type RenderListItem = ReturnType<typeof toListItem>;
/** A page of the renders list; `nextCursor` asks for the exports after it (null: none left). */
export type RenderListPage = { batches: RenderListItem[]; nextCursor: string | null };

/**
 * One page of exports, newest first: the first page without a cursor, the next ones after `before`; with filters,
 * only the exports of that product, template, or with an output in that status (the cursor then pages within them).
 */
export async function listRendersPage(
  db: Database,
  workspaceId: string,
  before?: BatchCursor | null,
  limit = RENDERS_PAGE_SIZE,
  filters: RendersFilters = {},
): Promise<RenderListPage> {
  const { batches, next } = await listBatchesWithOutputs(db, workspaceId, { limit, before, filters });
  const { budgetS } = studioOffer();
  return { batches: batches.map((b) => toListItem(b, budgetS)), nextCursor: next ? encodeRendersCursor(next) : null };
}

/** The newest exports (the first page of the list). */
export async function listRenders(db: Database, workspaceId: string): Promise<RenderListItem[]> {
  return (await listRendersPage(db, workspaceId)).batches;
}

export async function openOutputFile(db: Database, workspaceId: string, outputId: string, poster = false) {
  const output = await getOutputInWorkspace(db, workspaceId, outputId);
  if (output.status !== "done" || !output.fileKey) throw new AppError("not_found", "This image is not ready yet.");
  const key = poster ? output.posterKey : output.fileKey;
  if (!key) throw new AppError("not_found", "This render has no poster image.");
  const object = await getStorage().get(key);
  if (!object) throw new AppError("not_found", "The image file is missing.");
  return { output, object };
}

export async function batchZip(db: Database, workspaceId: string, batchId: string) {
  const { batch, outputs } = await getBatch(db, workspaceId, batchId);
  const done = outputs.filter((o) => o.status === "done" && o.fileKey);
  if (done.length === 0) throw new AppError("not_found", "No image of this export is ready yet.");
  const storage = getStorage();
  const stream = zipStream(
    done.map((o) => ({ name: o.fileName, open: async () => (await storage.get(o.fileKey!))?.stream ?? null })),
  );
  return { batch, stream };
}

export async function deleteRenderBatch(db: Database, workspaceId: string, batchId: string) {
  await getBatch(db, workspaceId, batchId);
  await deleteBatch(db, workspaceId, batchId);
  await getStorage().deletePrefix(`workspaces/${workspaceId}/renders/${batchId}/`);
}
