/**
 * npx tsx bench/aa-frames.ts OUT_DIR: draws a few Final 1080x1080 stills (harness: no build) and writes them as
 * PNGs, to compare an antialiasing change by eye (crops of the can's rim, a label, a podium edge at 2x zoom) and
 * with bench/aa-compare.ts. SCENES='template:product,...' picks them.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { startHarness } from "./quality/harness";

const SCENES = (
  process.env.SCENES ??
  "minimal-ivory:sample_drink-can,luxury-noir-gold:sample_perfume-bottle,marble-carrara:sample_kraft-box,spa-stone:sample_serum-dropper"
).split(",");

async function main() {
  const out = process.argv[2];
  if (!out) throw new Error("usage: bench/aa-frames.ts OUT_DIR");
  await mkdir(out, { recursive: true });
  const harness = await startHarness();
  try {
    for (const scene of SCENES) {
      const [templateId, productId] = scene.split(":");
      const png = await harness.draw({
        templateId,
        productId,
        palette: null,
        width: 1080,
        height: 1080,
        quality: "final",
      });
      await writeFile(path.join(out, `${templateId}--${productId}.png`), png);
      console.log(`${templateId}--${productId}.png`);
    }
  } finally {
    await harness.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
