/**
 * npx tsx bench/surfaces.ts: what set surfaces and planar reflections (issue 18) cost per image, Draft and Final,
 * at 1080x1080 on this machine's renderer (llvmpipe here), drawn with the app's SceneCanvas in headless Chromium
 * (bench/quality/harness.ts), like bench/look.ts. Variants of one template's stage are drawn round-robin ROUNDS
 * times after a warm-up pass (texture generation is cached per finish and seed, so it is a first-draw cost, not a
 * per-image one: the warm-up absorbs it); the median per variant and its cost over "plain" are reported.
 */
import { getBuiltInTemplate } from "../lib/scene/templates";
import { getSampleProduct } from "../lib/products/samples";
import { instantiateTemplate } from "../lib/templates/instantiate";
import type { StageSpec } from "../lib/scene";
import { startHarness } from "./quality/harness";

const log = (...args: unknown[]) => console.error("[bench:surfaces]", ...args);
const SIZE = Number(process.env.LOOK_SIZE ?? 1080);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const TEMPLATE = process.env.TEMPLATE ?? "minimal-ivory";
const PRODUCT = process.env.BENCH_PRODUCT ?? "sample_drink-can";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const sample = getSampleProduct(PRODUCT)!;
  const base = instantiateTemplate(getBuiltInTemplate(TEMPLATE)!, {
    productId: sample.id,
    productSize: sample.dimensionsM,
    brandPalette: null,
  }).stage;
  const podium = base.podium!;
  const variants: Record<string, StageSpec> = {
    plain: { ...base, podium: { ...podium, surface: "plain", reflection: 0 } },
    "marble-podium": { ...base, podium: { ...podium, surface: "marble", reflection: 0 } },
    "reflective-floor": { ...base, floor: { ...base.floor, reflection: 0.5, roughness: 0.2 } },
    "reflective-floor-and-podium": {
      ...base,
      floor: { ...base.floor, reflection: 0.5, roughness: 0.2 },
      podium: { ...podium, surface: "marble", reflection: 0.3, roughness: 0.15 },
    },
  };
  const harness = await startHarness();
  const result: Record<string, Record<string, { ms: number; overPlainMs?: number }>> = {};
  try {
    for (const quality of ["draft", "final"] as const) {
      const times: Record<string, number[]> = {};
      for (let round = -1; round < ROUNDS; round++) {
        for (const [name, stage] of Object.entries(variants)) {
          const started = performance.now();
          await harness.draw({
            templateId: TEMPLATE,
            productId: PRODUCT,
            palette: null,
            width: SIZE,
            height: SIZE,
            quality,
            patch: { stage },
          });
          if (round >= 0) (times[name] ??= []).push(performance.now() - started);
        }
      }
      const plain = median(times.plain);
      result[quality] = Object.fromEntries(
        Object.entries(times).map(([name, values]) => {
          const ms = Math.round(median(values));
          return [name, name === "plain" ? { ms } : { ms, overPlainMs: Math.round(median(values) - plain) }];
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
