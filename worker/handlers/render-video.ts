import { getOutputForRender, markFailed, markRendering, markRetrying } from "@/lib/db/queries/renders";
import { markVideoDone, markVideoProgress, videoStillWanted, type VideoDetails } from "@/lib/db/queries/render-videos";
import { finishOutput } from "@/lib/webhooks/output-events";
import { env } from "@/lib/env";
import { GIF_FPS, gifSize, isVideoFormat, VIDEO_FORMATS, videoBitrate } from "@/lib/formats";
import { jobKind } from "@/lib/jobs/registry";
import type { VideoJob } from "@/lib/render-contract/video-job";
import { StageClock } from "@/lib/render-contract/video-timing";
import { createRenderToken } from "@/lib/renders/render-token";
import { isVideoPresetId, VIDEO_PRESETS } from "@/lib/renders/video-presets";
import { motionFrameCount } from "@/lib/scene";
import { encodeAndCheck } from "../encode";
import { describeFailure, isPermanent, PermanentRenderError, VideoCheckError } from "../failures";
import { frameFromRendered } from "../frame";
import type { Attempt, JobHandler, WorkerContext } from "../job-handler";
import { snapshotScene, type RenderResult } from "../render-pipeline";
import { storeOutputFiles } from "../store-output";
import { VideoFile } from "../video-file";
import { checkVideoFile } from "../video-check";
import { buildOverlayLayer } from "../overlays";
import { watermarkLayout } from "../watermark";
import { modelVersions, sessionUrl } from "./session-inputs";
import { outputKey } from "./render-output";

/** Progress is written at most this often (each write is a query). */
const PROGRESS_EVERY_MS = 500;

/** A video's whole budget: a minute to start, then this much per frame drawn and encoded (Final, 1080p, busy CPU). */
function videoTimeoutMs(frames: number, width: number, height: number): number {
  return 60_000 + frames * Math.max(1_500, Math.round(((width * height) / 1_000_000) * 3_000));
}

/**
 * Records one video on the worker's session page and stores it. The page encodes; this side writes the chunks it
 * hands out into a temporary file at their offsets, stores the file only once it is complete (never a partial
 * file), plus a poster PNG of frame 0. A crash or timeout retries from the first frame on a fresh page; a video
 * whose row stops being wanted (cancelled, batch deleted) stops at the next frame.
 */
export async function handleRenderVideo(
  deps: WorkerContext,
  outputId: string,
  attempt: Attempt,
): Promise<RenderResult> {
  const row = await getOutputForRender(deps.db, outputId);
  if (!row || row.output.status === "done" || row.output.status === "failed") return "skipped";
  const { output, batch } = row;
  let file: VideoFile | null = null;
  try {
    if (!isVideoFormat(batch.format)) throw new PermanentRenderError(`A video cannot be written as ${batch.format}`);
    if (!deps.browser.recordOnSession) throw new PermanentRenderError("This worker's browser cannot record videos");
    const document = snapshotScene(output.snapshot, "scene");
    const motion = document.motion;
    if (!motion) throw new PermanentRenderError("The scene snapshot has no motion to record");
    const versions = await modelVersions(
      output.workspaceId,
      document.products.map((p) => p.productId),
    );
    if (!(await markRendering(deps.db, outputId))) return "skipped";
    const started = Date.now();
    const token = encodeURIComponent(createRenderToken(jobKind("render-video").tokenScope!(outputId)));
    const asset = (productId: string) =>
      `/api/render-assets/${encodeURIComponent(outputId)}/${encodeURIComponent(productId)}?token=${token}`;
    const products = Object.fromEntries(
      document.products.map((p) => [p.productId, { url: asset(p.productId), cacheKey: versions.get(p.productId) }]),
    );
    const { width, height } = output;
    const mark = batch.watermark ? watermarkLayout(width, height) : null;
    const overlay = await buildOverlayLayer(deps, output.workspaceId, document, { width, height });
    const job: VideoJob = {
      document,
      products,
      size: { width, height },
      // Videos are never Studio (their schemas refuse it); a stray one draws as Final.
      quality: batch.quality === "studio" ? "final" : batch.quality,
      container: batch.format,
      bitrate: videoBitrate(width, height, motion.fps),
      watermark: mark && { svg: mark.svg.toString("utf8"), left: mark.left, top: mark.top },
      overlay: overlay && { pngBase64: overlay.png.toString("base64") },
      gif: batch.format === "gif" ? { ...gifSize(width, height), maxBytes: VIDEO_FORMATS.gif.maxBytes! } : undefined,
      timing: env().RENDER_TIMING === "1",
    };
    // The worker's share of the stage timing (RENDER_TIMING=1); the page reports the rest.
    const clock = new StageClock();
    const frames =
      batch.format === "gif" ? Math.max(1, Math.round(motion.durationS * GIF_FPS)) : motionFrameCount(motion);

    const recording = await VideoFile.create(VIDEO_FORMATS[batch.format].extension);
    file = recording;
    let lastProgress = 0;
    const checking: { running: Promise<void> | null; wanted: boolean; failed: Error | null } = {
      running: null,
      wanted: true,
      failed: null,
    };
    const result = await deps.browser.recordOnSession(
      sessionUrl(deps.appUrl),
      job,
      videoTimeoutMs(frames, width, height),
      {
        chunk: async (chunk) => {
          await clock.time("storageWrite", () => recording.write(chunk));
          return true;
        },
        // The page waits on this between two frames, so the progress row and the cancel check run beside the
        // next frame's draw instead of stalling it (they measured 27 ms a frame on a busy machine): a cancel is
        // seen at the next check, half a second later. The last frame waits for its write.
        progress: async (framesDone) => {
          const check = () =>
            clock.time("progressDb", async () => {
              await markVideoProgress(deps.db, outputId, framesDone);
              checking.wanted = await videoStillWanted(deps.db, outputId);
            });
          if (checking.failed) throw checking.failed;
          if (framesDone >= frames) {
            await checking.running;
            await check();
          } else if (Date.now() - lastProgress >= PROGRESS_EVERY_MS && !checking.running) {
            lastProgress = Date.now();
            checking.running = check()
              .catch((err: Error) => void (checking.failed = err))
              .finally(() => (checking.running = null));
          }
          return checking.wanted;
        },
      },
    );
    await recording.close();
    if (result.frames !== frames || recording.bytes === 0 || recording.bytes !== result.bytes) {
      throw new Error(`The video came back incomplete (${result.frames} frames, ${recording.bytes} bytes)`);
    }
    // Read the file back and hold it to the request and its preset: a wrong file fails, it is never stored.
    const presetId = (output.details as { preset?: unknown } | null)?.preset;
    const gifTooBig = job.gif && (result.width > job.gif.width || result.height > job.gif.height);
    const problems = [
      ...(gifTooBig ? [`The GIF is ${result.width}x${result.height}, over ${job.gif!.width}x${job.gif!.height}`] : []),
      ...(await clock.once("readBackCheck", () =>
        checkVideoFile(recording.path, {
          container: result.container,
          codec: VIDEO_FORMATS[result.container].codec,
          // A GIF may be remade smaller to meet its budget; a video is exactly the size asked.
          width: job.gif ? result.width : width,
          height: job.gif ? result.height : height,
          fps: job.gif ? GIF_FPS : motion.fps,
          frames,
          maxBytes: VIDEO_FORMATS[result.container].maxBytes,
          preset: isVideoPresetId(presetId) ? VIDEO_PRESETS[presetId] : null,
        }),
      )),
    ];
    if (problems.length) throw new VideoCheckError(problems);

    const poster = await clock.once("posterPng", () =>
      encodeAndCheck(frameFromRendered(result.poster), {
        format: "png",
        width,
        height,
        transparent: false,
        watermark: batch.watermark,
        overlay: overlay?.png,
      }),
    );
    const format = VIDEO_FORMATS[result.container === "gif" ? "gif" : result.container];
    const key = outputKey(output.workspaceId, batch.id, output.id, format.extension);
    const posterKey = outputKey(output.workspaceId, batch.id, `${output.id}-poster`, "png");
    const details: VideoDetails = {
      codec: result.codec,
      container: result.container,
      fps: result.fps,
      durationS: result.frames / result.fps,
      frames: result.frames,
      fallback: result.fallback,
      preset: isVideoPresetId(presetId) ? presetId : null,
    };
    const done = {
      key,
      bytes: recording.bytes,
      renderMs: Date.now() - started,
      posterKey,
      format: format.id,
      // A fallback changes the extension of the download name too.
      fileName: output.fileName.replace(/\.[a-z0-9]+$/, `.${format.extension}`),
      details,
    };
    // Marked done with its webhook events in one transaction; never kept when the output was deleted meanwhile.
    const files = [
      { key: posterKey, write: () => deps.storage.put(posterKey, poster.bytes, poster.contentType) },
      { key, write: () => deps.storage.putFile(key, recording.path, format.contentType) },
    ];
    const stored = await clock.once("store", () =>
      storeOutputFiles(deps, outputId, files, (tx) => markVideoDone(tx, outputId, done)),
    );
    if (stored === "gone") {
      console.log(`[worker] video ${outputId} finished after it was deleted: its files were not kept`);
      return "skipped";
    }
    if (env().RENDER_TIMING === "1") {
      console.log(`[timing] ${outputId} video ${result.frames} frames in ${Date.now() - started} ms`);
      // One JSON line (bench:video reads it): the page's stages and setup with the worker's beside them.
      const mine = clock.report(result.frames);
      const stages = { ...result.timing?.stages, ...mine.stages };
      const setupMs = { ...result.timing?.setupMs, ...mine.setupMs };
      const draws = result.timing?.draws;
      console.log(
        `[timing] video-stages ${JSON.stringify({ outputId, totalMs: done.renderMs, draws, setupMs, stages })}`,
      );
    }
    return "done";
  } catch (err) {
    // Cancelled (or its batch deleted) while recording: the row is already final and refunded; nothing to retry.
    const now = await getOutputForRender(deps.db, outputId).catch(() => undefined);
    if (now === null || now?.output.status === "failed") {
      console.log(`[worker] video ${outputId} stopped: it was cancelled`);
      return "skipped";
    }
    const reason = describeFailure(err);
    const final = isPermanent(err) || attempt.retryCount >= attempt.retryLimit;
    if (final) {
      if (await finishOutput(outputId, (tx) => markFailed(tx, outputId, reason))) await deps.onFailed?.(outputId);
      console.error(`[worker] video ${outputId} failed: ${reason}`);
      return "failed";
    }
    await markRetrying(deps.db, outputId, reason);
    console.warn(`[worker] video ${outputId} attempt ${attempt.retryCount + 1} failed, retrying: ${reason}`);
    throw err;
  } finally {
    await file?.discard();
  }
}

export const handler: JobHandler<"render-video"> = (ctx, job) => handleRenderVideo(ctx, job.data.outputId, job);
