import { getOutputForRender, markDone, markFailed, markRendering, markRetrying } from "@/lib/db/queries/renders";
import { isImageFormat } from "@/lib/formats";
import { finishOutput } from "@/lib/webhooks/output-events";
import { PermanentRenderError } from "../failures";
import type { Attempt, JobHandler, WorkerContext } from "../job-handler";
import { runRender, snapshotScene, type RenderResult } from "../render-pipeline";
import { storeOutputFiles } from "../store-output";
import { shotScene } from "./shot-scene";
import { studioExtraSeconds, type StudioDetails } from "@/lib/renders/studio";
import { studioOffer } from "@/lib/renders/studio-settings";

/** The handler's context; the refund hook (onFailed) is there because exports are charged. */
export type RenderDeps = WorkerContext;
export type { Attempt } from "../job-handler";

export function outputKey(workspaceId: string, batchId: string, outputId: string, extension: string): string {
  return `workspaces/${workspaceId}/renders/${batchId}/${outputId}.${extension}`;
}

/**
 * Renders one output of an export on the shared pipeline (worker/render-pipeline.ts). A finished output is left
 * alone; failures are shown on the Renders page ("Retrying: ..." while a retry is left) and refunded when final.
 */
export async function handleRenderOutput(
  deps: RenderDeps,
  outputId: string,
  attempt: Attempt,
  queuedStudioBudgetS?: number,
): Promise<RenderResult> {
  const row = await getOutputForRender(deps.db, outputId);
  if (!row || row.output.status === "done" || row.output.status === "failed") return "skipped";
  const { output, batch } = row;
  const format = batch.format;
  // The budget the job was queued with (its expiry allows for it); a job queued before the budget travelled with it
  // uses this worker's STUDIO_BUDGET_S. A Studio job queued before Studio was turned off still draws: it was
  // accepted and charged.
  const studio = batch.quality === "studio" ? { budgetS: queuedStudioBudgetS ?? studioOffer().budgetS } : null;
  return runRender(deps, attempt, {
    kind: "render-output",
    rowId: outputId,
    logName: outputId,
    plan: () => {
      // Videos are queued as render-video; a still job of a video batch can never draw.
      if (!isImageFormat(format)) throw new PermanentRenderError(`A still cannot be written as ${format}`);
      return {
        workspaceId: output.workspaceId,
        document: shotScene(snapshotScene(output.snapshot, "scene"), output.shotId),
        size: { width: output.width, height: output.height },
        // Studio draws the Final raster first, then path traces it (lib/renders/studio.ts).
        quality: batch.quality === "studio" ? "final" : batch.quality,
        trace: studio ? { budgetMs: studio.budgetS * 1000 } : undefined,
        // Large outputs draw longer: 15 s per megapixel, at least a minute; Studio adds its budget and as much
        // again, at least two minutes (the first Studio job on a page loads the tracer, builds its BVH and
        // compiles its large shader, which on a cold llvmpipe shader cache is slow). Its job's expiry says the same.
        timeoutMs:
          Math.max(60_000, Math.round((output.width * output.height) / 1_000_000) * 15_000) +
          (studio ? studioExtraSeconds(studio.budgetS) * 1000 : 0),
        encode: { format, transparent: batch.transparent, watermark: batch.watermark },
        assetPath: (productId) => `/api/render-assets/${encodeURIComponent(outputId)}/${encodeURIComponent(productId)}`,
      };
    },
    markRendering: () => markRendering(deps.db, outputId),
    store: async (encoded, renderMs, trace) => {
      const key = outputKey(output.workspaceId, batch.id, output.id, encoded.extension);
      // A Studio image's details say how far its path tracing got (the Renders page and support read them).
      const details: StudioDetails | undefined =
        studio && trace
          ? { studio: { samples: trace.samples, traceMs: trace.traceMs, budgetS: studio.budgetS } }
          : undefined;
      const file = { key, bytes: encoded.bytes.length, renderMs: renderMs(), details };
      // Marked done with its webhook events in one transaction; never kept when the output was
      // deleted or cancelled meanwhile (it stays failed and refunded, with no second event).
      const write = () => deps.storage.put(key, encoded.bytes, encoded.contentType);
      const stored = await storeOutputFiles(deps, outputId, [{ key, write }], (tx) => markDone(tx, outputId, file));
      if (stored === "gone") return "gone";
    },
    markFailure: async (reason, final) => {
      if (final) return finishOutput(outputId, (tx) => markFailed(tx, outputId, reason));
      await markRetrying(deps.db, outputId, reason);
      return false;
    },
  });
}

export const handler: JobHandler<"render-output"> = (ctx, job) =>
  handleRenderOutput(ctx, job.data.outputId, job, job.data.studioBudgetS);
