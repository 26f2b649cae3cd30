/**
 * npm run -s bench:video-frames: ms per Final turntable video frame at 1080x1080 on this machine's renderer,
 * drawn with the app's SceneCanvas in headless Chromium (bench/quality/harness.ts: no build, server or database),
 * timed to the end of the GPU work without any PNG encode. A quick way to compare one renderer change against
 * another before the full `npm run bench:video`. FRAMES (default 60) frames after 5 warm-up frames; the median.
 */
import { DEFAULT_LOOK, type MotionSpec } from "../lib/scene";
import { startHarness } from "./quality/harness";

const SIZE = Number(process.env.LOOK_SIZE ?? 1080);
const FRAMES = Number(process.env.FRAMES ?? 60);
const TEMPLATE = process.env.TEMPLATE ?? "minimal-ivory";
const PRODUCT = process.env.BENCH_PRODUCT ?? "sample_drink-can";
const TURNTABLE: MotionSpec = { move: "turntable", durationS: 6, fps: 30 };

async function main() {
  const harness = await startHarness();
  const times: number[] = [];
  try {
    for (let i = -5; i < FRAMES; i++) {
      const started = performance.now();
      await harness.draw({
        templateId: TEMPLATE,
        productId: PRODUCT,
        palette: null,
        width: SIZE,
        height: SIZE,
        quality: "final",
        patch: { look: DEFAULT_LOOK, motion: TURNTABLE },
        time: (i + 5) / 30,
        readback: "pixel",
      });
      if (i >= 0) times.push(performance.now() - started);
    }
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
      renderer: harness.renderer,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
