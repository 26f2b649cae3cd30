/**
 * Writes the binary data the 3D scene fetches into public/, so it is served as files and not shipped as JavaScript
 * (the editor route's JS budget, issue 19): three's RectAreaLight LTC tables (a 300 KB array literal in
 * RectAreaLightTexturesLib.js) as public/lighting/ltc.bin, and the scene HDRIs from @pmndrs/assets (base64 EXR
 * modules) as public/environments/<id>.exr, byte for byte. The files are committed (components/scene/scene-data.test.ts
 * checks they still match the packages); re-run after upgrading three or @pmndrs/assets:
 *   npx tsx scripts/copy-scene-data.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ENVIRONMENT_IDS } from "@/lib/scene/schema";
import { hdriBytes, ltcTableBytes } from "./scene-data-sources";

const root = path.resolve(__dirname, "..");

async function main() {
  mkdirSync(path.join(root, "public/lighting"), { recursive: true });
  const ltc = ltcTableBytes();
  writeFileSync(path.join(root, "public/lighting/ltc.bin"), ltc);
  console.log(`[scene-data] lighting/ltc.bin ${ltc.byteLength} bytes`);
  mkdirSync(path.join(root, "public/environments"), { recursive: true });
  for (const id of ENVIRONMENT_IDS) {
    const exr = await hdriBytes(id);
    writeFileSync(path.join(root, "public/environments", `${id}.exr`), exr);
    console.log(`[scene-data] environments/${id}.exr ${exr.byteLength} bytes`);
  }
}

void main();
