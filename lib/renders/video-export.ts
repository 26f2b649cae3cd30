import { actingUserId, type WorkspaceCaller } from "@/lib/auth/caller";
import { debitCreditsForExport } from "@/lib/billing/debit";
import { creditsForVideo } from "@/lib/billing/plans";
import type { Database } from "@/lib/db";
import { renderBatches, renderOutputs } from "@/lib/db/schema";
import { GIF_FPS, gifSize } from "@/lib/formats";
import { newId } from "@/lib/ids";
import { recordExportVersion } from "@/lib/scene-versions/auto-version";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import { motionFrameCount, type SceneDocument } from "@/lib/scene";
import { sceneFilterColumns } from "./create-batch";
import { exportPreflight } from "./export-preflight";
import { renderFileName, uniqueNames } from "./file-names";
import { videoExportRequestSchema, type VideoExportRequest } from "./video-export-options";

/**
 * A video export: the scene as saved now, with the chosen move, becomes one batch with a video output per ratio
 * (each a frozen copy of the scene whose `motion` is the move), queued as render-video jobs and charged per second
 * per ratio, in one transaction: a refused request (bad input, no credits) leaves nothing behind.
 */
export async function exportVideo(db: Database, ctx: WorkspaceCaller, sceneId: string, raw: unknown) {
  const request = videoExportRequestSchema.parse(raw);
  const { scene, mainProduct } = await exportPreflight(db, ctx, sceneId, request.outputs);
  return createVideoBatch({
    workspaceId: ctx.workspaceId,
    userId: actingUserId(ctx),
    sceneId: scene.id,
    sceneName: scene.name,
    productName: mainProduct.name,
    document: scene.document,
    request,
  });
}

async function createVideoBatch(input: {
  workspaceId: string;
  userId: string | null;
  sceneId: string;
  sceneName: string;
  productName: string;
  document: SceneDocument;
  request: VideoExportRequest;
}) {
  const { request } = input;
  const motion = { move: request.move, durationS: request.durationS, fps: request.fps };
  // A video needs an opaque frame (H.264 and GIF have no alpha; this Chromium's VP9 encoder refuses to keep it):
  // a cut-out scene is drawn on the backdrop colour the Video tab asked for (white unless chosen).
  const background =
    input.document.background.kind === "transparent"
      ? { kind: "solid" as const, color: request.backdrop }
      : input.document.background;
  const snapshot: SceneDocument = { ...input.document, background, motion };
  const gif = request.format === "gif";
  // A GIF is drawn at its own (smaller) size and frame rate.
  const sized = request.outputs.map((o) => ({ ...o, ...(gif ? gifSize(o.width, o.height) : {}) }));
  const names = uniqueNames(
    sized.map((o) =>
      renderFileName({
        productName: input.productName,
        sceneName: input.sceneName,
        label: `${o.label}-${request.move}`,
        width: o.width,
        height: o.height,
        format: request.format,
      }),
    ),
  );
  const batchId = newId("rb");
  const outputs = sized.map((o, i) => ({ id: newId("rnd"), ...o, fileName: names[i] }));
  const frames = gif ? Math.max(1, Math.round(motion.durationS * GIF_FPS)) : motionFrameCount(motion);

  await withJobTransaction(async (tx, enqueue) => {
    await tx.insert(renderBatches).values({
      id: batchId,
      workspaceId: input.workspaceId,
      sceneId: input.sceneId,
      sceneName: input.sceneName,
      productName: input.productName,
      format: request.format,
      quality: request.quality,
      transparent: false,
      ...sceneFilterColumns(input.workspaceId, input.sceneId),
      createdBy: input.userId,
    });
    await tx.insert(renderOutputs).values(
      outputs.map((o, position) => ({
        id: o.id,
        position,
        batchId,
        workspaceId: input.workspaceId,
        label: o.label,
        width: o.width,
        height: o.height,
        fileName: o.fileName,
        snapshot,
        framesTotal: frames,
        framesDone: 0,
        // The worker checks the finished file against its preset (worker/video-check.ts).
        details: request.preset === "custom" ? null : { preset: request.preset },
      })),
    );
    // Charged per second per ratio under the billing lock; refused whole (402) when the credits do not cover it.
    await debitCreditsForExport(tx, {
      workspaceId: input.workspaceId,
      batchId,
      outputs: outputs.map(({ id, width, height }) => ({
        id,
        width,
        height,
        credits: creditsForVideo(motion.durationS),
      })),
    });
    for (const o of outputs) await enqueue("render-video", { outputId: o.id });
    // Version history: what was exported stays restorable (its picture is the first video's poster).
    await recordExportVersion(tx, { ...input, renderOutputId: outputs[0]?.id ?? null });
  });
  return { batchId, outputIds: outputs.map((o) => o.id) };
}
