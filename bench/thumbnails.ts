/**
 * npm run bench:thumbnails — time to make every template thumbnail (gallery
 * previews, 384x480 draft) for one new product with ONE render worker, as JSON
 * on stdout. Runs a throwaway server (own data, embedded Postgres) and a real
 * worker process; progress goes to stderr. Needs a production build.
 */
import { BUILT_IN_TEMPLATES } from "../lib/scene/templates";
import { signedInClient } from "./lib/client";
import { startBenchServer, startBenchWorker } from "./lib/server";

const log = (...args: unknown[]) => console.error("[bench]", ...args);
const PRODUCT = process.env.BENCH_PRODUCT ?? "sample_perfume-bottle";

type Preview = { templateId: string; status: string };

async function main() {
  const server = await startBenchServer(3310, 54370);
  log("server up", server.baseUrl);
  const worker = startBenchWorker(server);
  try {
    const api = await signedInClient(server.baseUrl);
    const started = Date.now();
    let firstDone: number | null = null;
    let previews: Preview[] = [];
    for (;;) {
      const res = await api.post("/api/templates/previews", { data: { productId: PRODUCT, tinted: false } });
      if (!res.ok()) throw new Error(`previews answered ${res.status()}: ${await res.text()}`);
      previews = (await res.json()).previews;
      const done = previews.filter((p) => p.status === "done").length;
      const failed = previews.filter((p) => p.status === "failed").length;
      if (done > 0 && firstDone === null) firstDone = Date.now() - started;
      if (done + failed === previews.length) break;
      if (Date.now() - started > 1_800_000) throw new Error("thumbnails did not finish in 30 minutes");
      await new Promise((r) => setTimeout(r, 500));
    }
    const totalMs = Date.now() - started;
    const done = previews.filter((p) => p.status === "done").length;
    console.log(
      JSON.stringify(
        {
          benchmark: "template-thumbnails",
          product: PRODUCT,
          templates: BUILT_IN_TEMPLATES.length,
          thumbnails: previews.length,
          done,
          failed: previews.length - done,
          size: "384x480 draft webp",
          workers: 1,
          gl: process.env.RENDER_GL ?? "worker default (see worker log)",
          firstThumbnailMs: firstDone,
          totalMs,
          perThumbnailMs: Math.round(totalMs / Math.max(1, previews.length)),
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
