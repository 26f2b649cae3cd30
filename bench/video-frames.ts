/**
 * npm run -s bench:video-frames: ms per Final turntable video frame at 1080x1080 on this machine's renderer,
 * drawn with the app's SceneCanvas in headless Chromium (bench/quality/harness.ts: no build, server or database),
 * timed to the end of the GPU work without any PNG encode. A quick way to compare one renderer change against
 * another before the full `npm run bench:video`. VIDEO_FRAMES (default 12) frames after 3 warm-up frames: the
 * median wall time, and the CPU time per frame of this process and its Chromium (llvmpipe draws in Chromium's GPU
 * process): on a shared machine the CPU time moves much less with other load than the wall time does.
 * PATCH='{"look":...}' replaces top-level keys of the document after the turntable's (what a part costs a frame).
 */
import { DEFAULT_LOOK, type MotionSpec, type SceneDocument } from "../lib/scene";
import { treeCpuSeconds } from "./lib/server";
import { startHarness } from "./quality/harness";

const SIZE = Number(process.env.LOOK_SIZE ?? 1080);
const FRAMES = Number(process.env.VIDEO_FRAMES ?? 12);
const TEMPLATE = process.env.TEMPLATE ?? "minimal-ivory";
const PRODUCT = process.env.BENCH_PRODUCT ?? "sample_drink-can";
const TURNTABLE: MotionSpec = { move: "turntable", durationS: 6, fps: 30 };
const PATCH = process.env.PATCH ? (JSON.parse(process.env.PATCH) as Partial<SceneDocument>) : {};

async function main() {
  const harness = await startHarness();
  const times: number[] = [];
  let cpuBefore = 0;
  let cpuSeconds = 0;
  let framesBefore = 0;
  let frames = 0;
  try {
    for (let i = -3; i < FRAMES; i++) {
      if (i === 0) cpuBefore = treeCpuSeconds(process.pid);
      if (i === 0) framesBefore = await harness.framesDrawn();
      const started = performance.now();
      await harness.draw({
        templateId: TEMPLATE,
        productId: PRODUCT,
        palette: null,
        width: SIZE,
        height: SIZE,
        quality: "final",
        patch: { look: DEFAULT_LOOK, motion: TURNTABLE, ...PATCH },
        time: (i + 3) / 30,
        readback: "pixel",
      });
      if (i >= 0) times.push(performance.now() - started);
    }
    cpuSeconds = treeCpuSeconds(process.pid) - cpuBefore;
    frames = (await harness.framesDrawn()) - framesBefore;
  } finally {
    await harness.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = Math.round(sorted[Math.floor(sorted.length / 2)]);
  const mean = Math.round(times.reduce((a, b) => a + b, 0) / times.length);
  console.log(
    JSON.stringify({
      template: TEMPLATE,
      product: PRODUCT,
      size: SIZE,
      frames: FRAMES,
      median,
      mean,
      cpuMsPerFrame: Math.round((cpuSeconds * 1000) / FRAMES),
      // Three's draws per video frame: 1 when nothing draws between jobs.
      drawsPerFrame: Math.round((frames / FRAMES) * 10) / 10,
      renderer: harness.renderer,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
