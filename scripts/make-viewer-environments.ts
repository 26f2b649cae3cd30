/**
 * Writes the scene environments (the HDRIs the renderer bundles from @pmndrs/assets, as EXR) as Radiance .hdr
 * files in public/environments/, which the published 3D viewer's model-viewer reads (it loads .hdr, not EXR).
 * Each is normalised to the same mean luminance the renderer normalises to (components/scene/environment.tsx),
 * so an intensity of 1 lights a product alike in both. The files are committed; re-run after upgrading
 * @pmndrs/assets:  npx tsx scripts/make-viewer-environments.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FloatType } from "three";
import { EXRLoader } from "three/examples/jsm/loaders/EXRLoader.js";
import { ENVIRONMENT_IDS } from "@/lib/scene/schema";
import { encodeRadianceHdr, meanLuminanceRgba, VIEWER_ENVIRONMENT_MEAN_LUMINANCE } from "@/lib/viewers/radiance-hdr";

const root = path.resolve(__dirname, "..");
const out = path.join(root, "public/environments");
mkdirSync(out, { recursive: true });

async function main() {
  for (const id of ENVIRONMENT_IDS) {
    const hdri = (await import(`@pmndrs/assets/hdri/${id}.exr.js`)) as { default: string };
    const base64 = hdri.default.slice(hdri.default.indexOf(",") + 1);
    const bytes = Buffer.from(base64, "base64");
    const exr = new EXRLoader()
      .setDataType(FloatType)
      .parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const { width, height } = exr;
    const data = exr.data as Float32Array;
    const scale = VIEWER_ENVIRONMENT_MEAN_LUMINANCE / meanLuminanceRgba(data, width, height);
    // EXRLoader hands rows bottom-up (for WebGL with flipY off); a Radiance file lists them top-down.
    const hdr = encodeRadianceHdr(data, width, height, { scale, bottomUp: true });
    writeFileSync(path.join(out, `${id}.hdr`), hdr);
    console.log(`[environments] ${id}.hdr ${width}x${height}, scaled x${scale.toFixed(3)}, ${hdr.byteLength} bytes`);
  }
}

void main();
