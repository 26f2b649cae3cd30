/**
 * Copies three's glTF decoders (Draco, Basis/KTX2) and meshoptimizer's decoder into public/decoders/ so the
 * app serves them itself (no CDN; the published 3D viewer's model-viewer points at them too). The copies are
 * committed; re-run this after upgrading three or meshoptimizer:  npx tsx scripts/copy-decoders.ts
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const libs = path.join(root, "node_modules/three/examples/jsm/libs");
const targets: Array<[string, string, string[]]> = [
  ["draco/gltf", "draco", ["draco_decoder.js", "draco_decoder.wasm", "draco_wasm_wrapper.js"]],
  ["basis", "basis", ["basis_transcoder.js", "basis_transcoder.wasm"]],
];

for (const [from, to, files] of targets) {
  const dir = path.join(root, "public/decoders", to);
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(path.join(libs, from, file), path.join(dir, file));
  console.log(`[copy-decoders] ${files.length} files -> public/decoders/${to}/`);
}

// model-viewer loads the meshopt decoder as a classic script (its UMD build sets self.MeshoptDecoder).
mkdirSync(path.join(root, "public/decoders/meshopt"), { recursive: true });
copyFileSync(
  path.join(root, "node_modules/meshoptimizer/meshopt_decoder.cjs"),
  path.join(root, "public/decoders/meshopt/meshopt_decoder.js"),
);
console.log("[copy-decoders] 1 file -> public/decoders/meshopt/");
