/**
 * npx tsx bench/page-memory.ts: what keeping the worker's session page for many jobs costs in memory, and what
 * reloading it costs in time. ROUNDS (default 4) rounds of six ratios (Final PNG, bench:render's) for each of the six sample
 * products, on one warm worker whose page is reloaded after RENDER_PAGE_JOBS draws (default: the worker's).
 * Prints JSON: per round its wall time and the worker tree's memory (RSS, Chromium included) at its end.
 * Needs a production build.
 */
import { createScene, exportBatch, SIX_RATIOS, grantBenchCredits, signedInClient, waitForBatches } from "./lib/client";
import { startBenchServer, startBenchWorker, treeRss } from "./lib/server";

const ROUNDS = Number(process.env.ROUNDS ?? 4);
const PRODUCTS = ["drink-can", "perfume-bottle", "kraft-box", "candle-glass", "cosmetic-jar", "serum-dropper"];

async function main() {
  const server = await startBenchServer(3310, 54370, { STRIPE_SECRET_KEY: "sk_test_bench_offline" });
  try {
    const api = await signedInClient(server.baseUrl);
    await grantBenchCredits(server.databaseUrl);
    const scenes = [];
    for (const product of PRODUCTS) scenes.push(await createScene(api, `sample_${product}`));
    const worker = startBenchWorker(server);
    const mb = () => Math.round(treeRss(worker.pid) / 1024 / 1024);
    // Warm: one output, so round 1 does not pay for the page's first load.
    await waitForBatches(api, [
      await exportBatch(api, scenes[0], [{ label: "w", width: 1080, height: 1079 }], "final"),
    ]);
    const rounds: { round: number; jobs: number; ms: number; perImageMs: number; workerRssMb: number }[] = [];
    rounds.push({ round: 0, jobs: 1, ms: 0, perImageMs: 0, workerRssMb: mb() });
    for (let round = 1; round <= ROUNDS; round++) {
      const t = Date.now();
      const batches = [];
      // Each round a pixel taller: every output a new picture (an identical one is handed back without drawing).
      for (const scene of scenes) {
        const outputs = SIX_RATIOS.map((r) => ({ ...r, label: `${r.label} r${round}`, height: r.height + round }));
        batches.push(await exportBatch(api, scene, outputs, "final"));
      }
      await waitForBatches(api, batches);
      const ms = Date.now() - t;
      const jobs = scenes.length * SIX_RATIOS.length;
      rounds.push({ round, jobs, ms, perImageMs: Math.round(ms / jobs), workerRssMb: mb() });
      console.error(JSON.stringify(rounds.at(-1)));
    }
    console.log(
      JSON.stringify({
        pageJobs: process.env.RENDER_PAGE_JOBS ?? "default",
        rounds,
        workerPeakRssMb: worker.peakRssMb(),
        pageReloads: (worker.log().match(/\[worker\] session page reloaded/g) ?? []).length,
      }),
    );
    await worker.stop();
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
