/**
 * npm run bench:thumbnails — template previews (gallery, 384x480 draft) with ONE render worker, as JSON on
 * stdout. Runs a throwaway server (own data, embedded Postgres) and a real worker process; progress goes to
 * stderr. Needs a production build.
 *
 *  - firstOwnPreview.idle: a new workspace uploads a model and opens its gallery on an idle worker; time from
 *    the start of the upload to its first template preview (and to its library thumbnail);
 *  - firstOwnPreview.behindAnotherWorkspace: the same while another workspace's 53 previews are queued;
 *  - firstOwnPreview.behindOwnSampleGallery: the onboarding path: the workspace's gallery first queued the
 *    53 previews of a sample product, then the user uploads their own;
 *  - gallery: every template's preview of one sample product (BENCH_PRODUCT), first and total.
 *
 * BENCH_VERBOSE=1 echoes the worker's log, with RENDER_TIMING=1 each draw's phases.
 */
import { BUILT_IN_TEMPLATES } from "../lib/scene/templates";
import { signedInClient } from "./lib/client";
import { requestPreviews, timeToFirstOwnPreview, waitForAllPreviews } from "./lib/first-preview";
import { startBenchServer, startBenchWorker } from "./lib/server";

const log = (...args: unknown[]) => console.error("[bench]", ...args);
const PRODUCT = process.env.BENCH_PRODUCT ?? "sample_perfume-bottle";

async function main() {
  const server = await startBenchServer(3310, 54370);
  log("server up", server.baseUrl);
  const worker = startBenchWorker(server);
  try {
    // Idle worker (its browser started): a new workspace's first minute.
    const idleClient = await signedInClient(server.baseUrl);
    await waitForWorkerReady(() => worker.log());
    log("worker ready; upload on an idle worker");
    const idle = await timeToFirstOwnPreview(idleClient);
    log("idle", idle);
    await waitForAllPreviews(idleClient, idle.productId);

    // Another workspace's whole gallery (53 previews of a sample) waits when the new workspace uploads.
    const other = await signedInClient(server.baseUrl);
    const otherPreviews = await requestPreviews(other, "sample_candle-glass");
    log(`another workspace queued ${otherPreviews.length} previews`);
    const busyClient = await signedInClient(server.baseUrl);
    const busy = await timeToFirstOwnPreview(busyClient);
    log("behind another workspace", busy);
    await waitForAllPreviews(other, "sample_candle-glass");
    await waitForAllPreviews(busyClient, busy.productId);

    // Onboarding: the gallery opened on a sample first (53 queued), then the user's own upload.
    const onboarding = await signedInClient(server.baseUrl);
    await requestPreviews(onboarding, "sample_candle-glass");
    const ownAfterSample = await timeToFirstOwnPreview(onboarding);
    log("behind its own sample gallery", ownAfterSample);
    await waitForAllPreviews(onboarding, ownAfterSample.productId);
    await waitForAllPreviews(onboarding, "sample_candle-glass");

    // The whole gallery of one sample product, on an idle worker.
    const api = await signedInClient(server.baseUrl);
    const started = Date.now();
    let firstDone: number | null = null;
    let previews: { status: string }[] = [];
    for (;;) {
      previews = await requestPreviews(api, PRODUCT);
      const done = previews.filter((p) => p.status === "done").length;
      const failed = previews.filter((p) => p.status === "failed").length;
      if (done > 0 && firstDone === null) firstDone = Date.now() - started;
      if (done + failed === previews.length) break;
      if (Date.now() - started > 1_800_000) throw new Error("thumbnails did not finish in 30 minutes");
      await new Promise((r) => setTimeout(r, 250));
    }
    const totalMs = Date.now() - started;
    const done = previews.filter((p) => p.status === "done").length;
    console.log(
      JSON.stringify(
        {
          benchmark: "template-thumbnails",
          workers: 1,
          gl: worker.glBackend(),
          size: "384x480 draft webp",
          templates: BUILT_IN_TEMPLATES.length,
          firstOwnPreview: {
            note: "ms from the start of the upload (WaterBottle.glb); the goal is firstPreviewMs <= 5000 when idle",
            idle,
            behindAnotherWorkspace: busy,
            behindOwnSampleGallery: ownAfterSample,
          },
          gallery: {
            product: PRODUCT,
            thumbnails: previews.length,
            done,
            failed: previews.length - done,
            firstThumbnailMs: firstDone,
            totalMs,
            perThumbnailMs: Math.round(totalMs / Math.max(1, previews.length)),
          },
          workerPeakRssMb: worker.peakRssMb(),
        },
        null,
        2,
      ),
    );
  } finally {
    await worker.stop();
    await server.stop();
  }
}

async function waitForWorkerReady(log: () => string) {
  const until = Date.now() + 300_000;
  while (!/\[worker\] ready/.test(log())) {
    if (Date.now() > until) throw new Error(`worker not ready:\n${log().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
