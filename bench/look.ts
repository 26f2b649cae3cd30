/**
 * npm run -s bench:look: what each part of the photographic look (issue 18) costs per image, Draft and Final, at
 * 1080x1080 on this machine's renderer (llvmpipe here), drawn with the app's SceneCanvas in headless Chromium
 * (bench/quality/harness.ts: no build, server or database).
 *
 * Variants are drawn round-robin (no two consecutive draws are the same document, so each draw renders), ROUNDS
 * times; the median per variant is reported, and its cost over "none" (no effects: the v3 path). Times include
 * the harness's PNG encode, the same for every variant. LOOK_SHOTS=dir also writes each variant's PNG.
 * VIDEO=1 draws video frames instead (a turntable, Final, each draw a later frame): the look's video tier.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_LOOK, type LookSpec, type MotionSpec } from "../lib/scene";
import { startHarness } from "./quality/harness";

const log = (...args: unknown[]) => console.error("[bench:look]", ...args);
const SIZE = Number(process.env.LOOK_SIZE ?? 1080);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const TEMPLATE = process.env.TEMPLATE ?? "minimal-ivory";
const PRODUCT = process.env.BENCH_PRODUCT ?? "sample_drink-can";
const VIDEO = process.env.VIDEO === "1";
const TURNTABLE: MotionSpec = { move: "turntable", durationS: 4, fps: 30 };

const off: LookSpec = { ...DEFAULT_LOOK, ambientOcclusion: { enabled: false, intensity: 1 } };
export const LOOK_VARIANTS: Record<string, LookSpec> = {
  none: off,
  ao: { ...off, ambientOcclusion: { enabled: true, intensity: 1 } },
  dof: { ...off, depthOfField: { enabled: true, fNumber: 2.8 } },
  finish: { ...off, grade: "warm", vignette: 0.35, grain: 0.25 },
  all: {
    ambientOcclusion: { enabled: true, intensity: 1 },
    depthOfField: { enabled: true, fNumber: 2.8 },
    grade: "warm",
    vignette: 0.35,
    grain: 0.25,
  },
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const harness = await startHarness();
  const shots = process.env.LOOK_SHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  const result: Record<string, Record<string, { ms: number; overNoneMs?: number }>> = {};
  try {
    let frame = 0;
    for (const quality of VIDEO ? (["final"] as const) : (["draft", "final"] as const)) {
      const times: Record<string, number[]> = {};
      // One warm-up pass: shader compiles and the lazy chunk are not per-image costs inside a batch.
      for (let round = -1; round < ROUNDS; round++) {
        for (const [name, look] of Object.entries(LOOK_VARIANTS)) {
          const started = performance.now();
          const png = await harness.draw({
            templateId: TEMPLATE,
            productId: PRODUCT,
            palette: null,
            width: SIZE,
            height: SIZE,
            quality,
            patch: VIDEO ? { look, motion: TURNTABLE } : { look },
            time: VIDEO ? (frame++ % 120) / 30 : undefined,
          });
          const ms = performance.now() - started;
          if (round < 0) continue;
          (times[name] ??= []).push(ms);
          if (shots && round === 0) writeFileSync(path.join(shots, `${TEMPLATE}-${quality}-${name}.png`), png);
        }
      }
      const none = median(times.none);
      result[quality] = Object.fromEntries(
        Object.entries(times).map(([name, values]) => {
          const ms = Math.round(median(values));
          return [name, name === "none" ? { ms } : { ms, overNoneMs: Math.round(median(values) - none) }];
        }),
      );
      log(quality, JSON.stringify(result[quality]));
    }
  } finally {
    await harness.close();
  }
  console.log(
    JSON.stringify(
      {
        template: TEMPLATE,
        product: PRODUCT,
        size: `${SIZE}x${SIZE}`,
        rounds: ROUNDS,
        renderer: harness.renderer,
        result,
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
