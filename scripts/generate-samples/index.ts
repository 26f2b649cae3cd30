/**
 * Generates the sample products (GLB) into public/samples/ and the typed
 * manifest lib/products/samples.ts.
 *
 *   npx tsx scripts/generate-samples/index.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generate, type GeneratedProduct, type ProductDef } from "./assemble";
import { writeManifest } from "./manifest";
import { box } from "./products/box";
import { can } from "./products/can";
import { candle } from "./products/candle";
import { dropper } from "./products/dropper";
import { jar } from "./products/jar";
import { perfume } from "./products/perfume";

export const PRODUCTS: ProductDef[] = [perfume, jar, can, dropper, candle, box];

const MAX_BYTES = 1.5 * 1024 * 1024;

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "../..");
  const outDir = path.join(root, "public/samples");
  mkdirSync(outDir, { recursive: true });
  const results: GeneratedProduct[] = [];
  for (const def of PRODUCTS) {
    const result = await generate(def);
    if (result.triangles < 2000 || result.triangles > 60000) {
      throw new Error(`${def.slug}: ${result.triangles} triangles is outside 2k-60k`);
    }
    if (result.glb.byteLength > MAX_BYTES)
      throw new Error(`${def.slug}: ${result.glb.byteLength} bytes is over 1.5 MB`);
    writeFileSync(path.join(outDir, `${def.slug}.glb`), result.glb);
    results.push(result);
  }
  writeManifest(path.join(root, "lib/products/samples.ts"), results);

  const rows = results.map((r) => ({
    file: `public/samples/${r.slug}.glb`,
    "size (cm)": r.dimensionsM.map((d) => (d * 100).toFixed(1)).join(" x "),
    triangles: r.triangles,
    kB: Math.round(r.glb.byteLength / 102.4) / 10,
    materials: r.materials.join(", "),
    variants: r.variants.join(", ") || "-",
  }));
  console.table(rows);
  console.log(`Wrote ${results.length} GLBs and lib/products/samples.ts`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
