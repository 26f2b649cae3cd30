/**
 * npm run -s bench:still-frames: ms per warm Final still at 1080x1080 on this machine's renderer (the same
 * document drawn again, as inside a batch on the worker's page: the shadow map is kept), drawn with the app's
 * SceneCanvas in headless Chromium (bench/quality/harness.ts: no build, server or database), timed to the end of
 * the GPU work without any PNG encode. For comparing a renderer change before the full `npm run bench:render`.
 * STILL_FRAMES (default 10) draws after 2 warm-up draws; LOOK_SIZE, TEMPLATE and BENCH_PRODUCT as bench:look;
 * QUALITY=draft for Draft; PATCH='{"shadows":...}' replaces top-level keys of the document (what a part costs). Reports the median wall time and the CPU time per draw of this process tree.
 */
import type { SceneDocument } from "../lib/scene";
import { treeCpuSeconds } from "./lib/server";
import { startHarness } from "./quality/harness";

const SIZE = Number(process.env.LOOK_SIZE ?? 1080);
const FRAMES = Number(process.env.STILL_FRAMES ?? 10);
const TEMPLATE = process.env.TEMPLATE ?? "minimal-ivory";
const PRODUCT = process.env.BENCH_PRODUCT ?? "sample_drink-can";
const QUALITY = process.env.QUALITY === "draft" ? "draft" : "final";
const PATCH = process.env.PATCH ? (JSON.parse(process.env.PATCH) as Partial<SceneDocument>) : undefined;

async function main() {
  const harness = await startHarness();
  const times: number[] = [];
  let cpuSeconds = 0;
  try {
    let cpuBefore = 0;
    for (let i = -2; i < FRAMES; i++) {
      if (i === 0) cpuBefore = treeCpuSeconds(process.pid);
      const started = performance.now();
      await harness.draw({
        templateId: TEMPLATE,
        productId: PRODUCT,
        palette: null,
        width: SIZE,
        height: SIZE,
        quality: QUALITY,
        patch: PATCH,
        readback: "pixel",
      });
      if (i >= 0) times.push(performance.now() - started);
    }
    cpuSeconds = treeCpuSeconds(process.pid) - cpuBefore;
  } finally {
    await harness.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      template: TEMPLATE,
      product: PRODUCT,
      size: SIZE,
      quality: QUALITY,
      frames: FRAMES,
      median: Math.round(sorted[Math.floor(sorted.length / 2)]),
      min: Math.round(sorted[0]),
      cpuMsPerDraw: Math.round((cpuSeconds * 1000) / FRAMES),
      renderer: harness.renderer,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
