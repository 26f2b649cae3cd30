import { USDZ_TEXTURE_MAX_PX } from "@/lib/render-contract/usdz-job";
import { makeViewerModel, type UsdzMaker } from "@/lib/viewers/make-viewer-model";
import type { JobHandler, WorkerContext } from "../job-handler";
import { sessionUrl } from "./session-inputs";

/** A phone-sized product model exports in a second or two; a busy software-GL machine gets ample room. */
const USDZ_TIMEOUT_MS = 90_000;

/** The USDZ is made on the worker's session page (app/render/session/make-usdz.ts), in this kind's turn. */
function usdzMaker(ctx: WorkerContext): UsdzMaker | undefined {
  const usdzOnSession = ctx.browser.usdzOnSession?.bind(ctx.browser);
  if (!usdzOnSession) return undefined;
  return (glb, variant) =>
    usdzOnSession(
      sessionUrl(ctx.appUrl),
      { glbBase64: Buffer.from(glb).toString("base64"), variant, maxTextureSize: USDZ_TEXTURE_MAX_PX },
      USDZ_TIMEOUT_MS,
    );
}

/** A published viewer's web-ready model and its USDZ (lib/jobs/kinds/viewer-model.ts). */
export const handler: JobHandler<"viewer-model"> = (ctx, job) =>
  makeViewerModel({ ...ctx, makeUsdz: usdzMaker(ctx) }, job.data.viewerId, {
    lastAttempt: job.retryCount >= job.retryLimit,
  });
