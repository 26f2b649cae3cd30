import type { ApiKeyCaller } from "@/lib/auth/caller";
import { debitCreditsForExport } from "@/lib/billing/debit";
import { refundFailedOutput } from "@/lib/billing/refunds";
import type { Database } from "@/lib/db";
import { apiBatchModes, pageBatchIds } from "@/lib/db/queries/api-v1";
import { getBatch, markFailed } from "@/lib/db/queries/renders";
import { apiRenderBatches, type ApiKeyMode, type RenderBatch, type RenderOutput } from "@/lib/db/schema";
import { appUrl } from "@/lib/env";
import { isVideoFormat } from "@/lib/formats";
import { createRenderBatch } from "@/lib/renders/create-batch";
import { exportPreflight } from "@/lib/renders/export-preflight";
import { planOutputs, type ExportRequest } from "@/lib/renders/export-options";
import { RENDER_FAILURE, shownRenderError } from "@/lib/renders/failure-messages";
import { openOutputFile } from "@/lib/renders/render-service";
import { exportVideo } from "@/lib/renders/video-export";
import { finishOutput } from "@/lib/webhooks/output-events";
import { VIDEO_SIZES } from "@/lib/renders/video-export-options";
import { OUTPUT_PRESETS, type OutputRatio } from "@/lib/scene";
import { notFound } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "../cursor";
import { ApiV1Error } from "../errors";
import type { z } from "zod";
import type { createRenderBody, createVideoRenderBody } from "../schemas";

/** A test key's renders: Drafts no longer than this on their long side, watermarked, free. */
export const TEST_MAX_PX = 512;

export const statusUrl = (batchId: string) => `${appUrl()}/api/v1/renders/${batchId}`;

type BatchStatus = "queued" | "rendering" | "done" | "failed" | "partially_failed";

/** One word for a batch: still working while any output is; then done, failed, or partly failed. */
export function batchStatus(outputs: Pick<RenderOutput, "status">[]): BatchStatus {
  const s = outputs.map((o) => o.status);
  if (s.includes("rendering") || (s.includes("queued") && s.some((x) => x !== "queued"))) return "rendering";
  if (s.length === 0 || s.every((x) => x === "queued")) return "queued";
  if (s.every((x) => x === "done")) return "done";
  if (s.every((x) => x === "failed")) return "failed";
  return "partially_failed";
}

type V1Batch = Pick<RenderBatch, "id" | "format" | "sceneId" | "quality" | "transparent" | "watermark" | "createdAt">;
type V1Output = Pick<
  RenderOutput,
  "id" | "label" | "width" | "height" | "status" | "error" | "fileName" | "bytes" | "shotId" | "shotLabel"
>;

export function v1Render(batch: V1Batch, outputs: V1Output[], mode: ApiKeyMode | undefined) {
  return {
    id: batch.id,
    object: "render" as const,
    kind: isVideoFormat(batch.format) ? ("video" as const) : ("image" as const),
    status: batchStatus(outputs),
    scene_id: batch.sceneId,
    format: batch.format,
    quality: batch.quality,
    transparent: batch.transparent,
    watermark: batch.watermark,
    // Renders made in the app, or by a live key, are live.
    livemode: mode !== "test",
    created_at: batch.createdAt.toISOString(),
    status_url: statusUrl(batch.id),
    outputs: outputs.map((o) => ({
      id: o.id,
      label: o.label,
      width: o.width,
      height: o.height,
      status: o.status,
      error: shownRenderError(o.error),
      file_name: o.fileName,
      bytes: o.bytes,
      // The scene's extra shot this image draws (issue 19); null: the scene's own camera.
      shot: o.shotId ? { id: o.shotId, label: o.shotLabel ?? o.shotId } : null,
      download_url: o.status === "done" ? `${appUrl()}/api/v1/renders/${batch.id}/outputs/${o.id}/file` : null,
    })),
  };
}

export async function getRenderV1(db: Database, workspaceId: string, batchId: string) {
  const { batch, outputs } = await getBatch(db, workspaceId, batchId);
  const modes = await apiBatchModes(db, [batchId]);
  return v1Render(batch, outputs, modes.get(batchId));
}

export async function listRendersV1(db: Database, workspaceId: string, q: { limit: number; cursor?: string }) {
  const { rows, next } = await pageBatchIds(db, workspaceId, q.limit, decodeCursor(q.cursor));
  // A page is at most 100 renders of at most 16 outputs: one query per render keeps this simple and bounded.
  const data = await Promise.all(rows.map((r) => getRenderV1(db, workspaceId, r.id)));
  return { object: "list" as const, data, next_cursor: next ? encodeCursor(next) : null };
}

/** A test key's sizes: the ratio kept, the long side at most TEST_MAX_PX. */
function testSize(width: number, height: number) {
  const scale = Math.min(1, TEST_MAX_PX / Math.max(width, height));
  return { width: Math.max(16, Math.round(width * scale)), height: Math.max(16, Math.round(height * scale)) };
}

/** The export request a v1 body asks for: its ratios' sizes; for a test key small Drafts at 1×. */
export function apiExportRequest(
  body: Pick<z.output<typeof createRenderBody>, "ratios" | "multiplier" | "format" | "transparent" | "quality"> & {
    shots?: string[];
  },
  mode: ApiKeyMode,
): ExportRequest {
  const test = mode === "test";
  return {
    outputs: body.ratios.map((ratio: OutputRatio) => {
      const p = OUTPUT_PRESETS[ratio];
      return { label: ratio, ...(test ? testSize(p.width, p.height) : { width: p.width, height: p.height }) };
    }),
    multiplier: test ? 1 : body.multiplier,
    format: body.format,
    transparent: body.transparent,
    quality: test ? "draft" : body.quality,
    shots: body.shots,
  };
}

/**
 * POST /api/v1/renders: the scene as saved now, in each ratio, as one batch queued for the workers (the same
 * preflight, batch creation and credit debit as the export dialog, in one transaction). A test key's batch is
 * small Drafts, watermarked, and charges nothing.
 */
export async function createRenderV1(
  db: Database,
  caller: ApiKeyCaller,
  mode: ApiKeyMode,
  body: z.output<typeof createRenderBody>,
) {
  const test = mode === "test";
  const request = apiExportRequest(body, mode);
  const { scene, mainProduct, plan } = await exportPreflight(db, caller, body.scene_id, planOutputs(request));
  let watermark = test || plan.watermark;
  const made = await createRenderBatch({
    workspaceId: caller.workspaceId,
    userId: null,
    sceneId: scene.id,
    sceneName: scene.name,
    productName: mainProduct.name,
    document: scene.document,
    request,
    // A test key's shots are small drafts too.
    maxPx: test ? TEST_MAX_PX : undefined,
    watermark,
    beforeCommit: async (tx, batch) => {
      await tx.insert(apiRenderBatches).values({ batchId: batch.batchId, keyId: caller.keyId, mode });
      // The debit stamps the plan's watermark decision, taken under the billing lock, on the batch.
      if (!test) ({ watermark } = await debitCreditsForExport(tx, { workspaceId: caller.workspaceId, ...batch }));
    },
  });
  // Answered from what the transaction wrote (every output queued), not read back: three round trips fewer on the
  // API's busiest call. GET /api/v1/renders/{id} reads the same fields (a test compares the two answers).
  return v1Render(
    {
      id: made.batchId,
      format: request.format,
      sceneId: scene.id,
      quality: request.quality,
      transparent: request.transparent,
      watermark,
      createdAt: made.createdAt,
    },
    made.outputs.map((o) => ({ ...o, status: "queued" as const, error: null, bytes: null })),
    mode,
  );
}

/** POST /api/v1/video-renders: the app's video export (charged per second per ratio); live keys only. */
export async function createVideoRenderV1(
  db: Database,
  caller: ApiKeyCaller,
  mode: ApiKeyMode,
  body: z.output<typeof createVideoRenderBody>,
) {
  if (mode === "test")
    throw new ApiV1Error("forbidden", "test_mode_unsupported", "Test keys cannot render videos; use a live key.");
  const { batchId } = await exportVideo(db, caller, body.scene_id, {
    move: body.move,
    durationS: body.duration_s,
    fps: body.fps,
    format: body.format,
    quality: body.quality,
    outputs: body.ratios.map((label) => {
      const size = VIDEO_SIZES.find((s) => s.label === label)!;
      return { label, width: size.width, height: size.height };
    }),
  });
  await db.insert(apiRenderBatches).values({ batchId, keyId: caller.keyId, mode });
  return getRenderV1(db, caller.workspaceId, batchId);
}

/** Stops every output not finished yet and refunds each once (a test key's were free: nothing to refund). */
export async function cancelRenderV1(db: Database, workspaceId: string, batchId: string) {
  const { outputs } = await getBatch(db, workspaceId, batchId);
  let cancelled = 0;
  let refunded = 0;
  for (const o of outputs) {
    if (o.status !== "queued" && o.status !== "rendering") continue;
    // Through finishOutput, as a worker's failure: render.failed, and batch/group completion events, fire once.
    if (!(await finishOutput(o.id, (tx) => markFailed(tx, o.id, RENDER_FAILURE.cancelled)))) continue;
    cancelled++;
    refunded += await refundFailedOutput(db, o.id);
  }
  return { ...(await getRenderV1(db, workspaceId, batchId)), cancelled, refunded_credits: refunded };
}

/** One output's file, only through its own render (an output id under another render is unknown). */
export async function openRenderFileV1(db: Database, workspaceId: string, batchId: string, outputId: string) {
  const file = await openOutputFile(db, workspaceId, outputId);
  if (file.output.batchId !== batchId) throw notFound("Render");
  return file;
}
