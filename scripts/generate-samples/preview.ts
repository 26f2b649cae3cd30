/**
 * Renders every sample GLB (and each KHR_materials_variants colourway) to PNG
 * with three.js in headless Chromium (SwiftShader), for eyeballing.
 *
 *   npx tsx scripts/generate-samples/preview.ts [outDir=/tmp/plinth-samples-preview]
 *
 * Serves the repo root (three from node_modules, GLBs from public/) on an
 * ephemeral 127.0.0.1 port for the duration of the run.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "playwright-core";
import { SAMPLE_PRODUCTS } from "../../lib/products/samples";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.resolve(process.argv[2] ?? "/tmp/plinth-samples-preview");
const SIZE = 640;

const PAGE = `<!doctype html>
<html><head><style>html,body{margin:0;background:#fff}canvas{display:block}</style>
<script type="importmap">{"imports":{
  "three":"/node_modules/three/build/three.module.js",
  "three/addons/":"/node_modules/three/examples/jsm/"}}</script></head>
<body><script type="module">
import * as THREE from "three";
import { GLTFLoader } from "three/addons/loaders/GLTFLoader.js";
import { RoomEnvironment } from "three/addons/environments/RoomEnvironment.js";

const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setPixelRatio(1);
renderer.setSize(${SIZE}, ${SIZE});
renderer.toneMapping = THREE.ACESFilmicToneMapping;
renderer.toneMappingExposure = 0.85;
renderer.shadowMap.enabled = true;
renderer.shadowMap.type = THREE.PCFSoftShadowMap;
document.body.appendChild(renderer.domElement);

const scene = new THREE.Scene();
scene.background = new THREE.Color(0xb9b4ae);
const pmrem = new THREE.PMREMGenerator(renderer);
scene.environment = pmrem.fromScene(new RoomEnvironment(), 0.04).texture;
const sun = new THREE.DirectionalLight(0xffffff, 0.7);
sun.castShadow = true;
sun.shadow.mapSize.set(1024, 1024);
scene.add(sun, sun.target);
const ground = new THREE.Mesh(new THREE.PlaneGeometry(1, 1), new THREE.MeshStandardMaterial({ color: 0xa9a29a, roughness: 0.9 }));
ground.rotation.x = -Math.PI / 2;
ground.receiveShadow = true;
scene.add(ground);
const camera = new THREE.PerspectiveCamera(28, 1, 0.001, 10);
const loader = new GLTFLoader();
let current = null;

window.renderProduct = async (url, variantIndex, view) => {
  if (current) scene.remove(current);
  const gltf = await loader.loadAsync(url);
  current = gltf.scene;
  current.traverse((o) => { if (o.isMesh) { o.castShadow = true; o.receiveShadow = true; } });
  if (variantIndex >= 0) {
    const jobs = [];
    current.traverse((o) => {
      const ext = o.userData.gltfExtensions && o.userData.gltfExtensions.KHR_materials_variants;
      if (!o.isMesh || !ext) return;
      const mapping = ext.mappings.find((m) => m.variants.includes(variantIndex));
      if (mapping) jobs.push(gltf.parser.getDependency("material", mapping.material).then((mat) => {
        o.material = mat; gltf.parser.assignFinalMaterial(o);
      }));
    });
    await Promise.all(jobs);
  }
  scene.add(current);
  const box = new THREE.Box3().setFromObject(current);
  const size = box.getSize(new THREE.Vector3());
  const center = box.getCenter(new THREE.Vector3());
  const radius = size.length() / 2;
  const dir = view === "top" ? new THREE.Vector3(0.25, 1.6, 1) : view === "low" ? new THREE.Vector3(0.5, -0.05, 1) : view === "under" ? new THREE.Vector3(0.3, -1.2, 0.7) : new THREE.Vector3(0.6, 0.45, 1);
  dir.normalize();
  const dist = radius / Math.sin(THREE.MathUtils.degToRad(camera.fov / 2)) * 1.05;
  camera.position.copy(center).addScaledVector(dir, dist);
  camera.near = dist / 100; camera.far = dist * 10; camera.updateProjectionMatrix();
  camera.lookAt(center);
  ground.scale.setScalar(radius * 20);
  sun.position.set(center.x + radius * 2, center.y + radius * 5, center.z + radius * 3);
  sun.target.position.copy(center);
  const s = sun.shadow.camera; s.left = s.bottom = -radius * 2; s.right = s.top = radius * 2; s.near = 0.001; s.far = radius * 20; s.updateProjectionMatrix();
  renderer.render(scene, camera);
  renderer.render(scene, camera);
  return { size: size.toArray(), min: box.min.toArray() };
};
window.ready = true;
</script></body></html>`;

const MIME: Record<string, string> = {
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".glb": "model/gltf-binary",
  ".html": "text/html",
};

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(PAGE);
      return;
    }
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, "");
    const file = path.resolve(rel.startsWith("samples/") ? path.join(ROOT, "public") : ROOT, rel);
    if (!file.startsWith(ROOT) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": MIME[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
    page.on("pageerror", (e) => console.error("page error:", e.message));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") console.error("page:", m.text());
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, null, {
      timeout: 60_000,
    });
    const shots: string[] = [];
    const only = process.env.ONLY;
    const views = (process.env.VIEWS ?? "front").split(",");
    for (const p of SAMPLE_PRODUCTS) {
      if (only && !p.slug.includes(only)) continue;
      const variantIdx = p.variants.length > 0 ? p.variants.map((_, i) => i) : [-1];
      for (const view of views) {
        for (const vi of variantIdx) {
          const info = await page.evaluate(
            ([url, v, vw]) =>
              (
                window as unknown as { renderProduct: (u: string, v: number, w: string) => Promise<unknown> }
              ).renderProduct(url as string, v as number, vw as string),
            [p.file, vi, view] as const,
          );
          const name = `${p.slug}${vi >= 0 ? `-v${vi}` : ""}${view === "front" ? "" : `-${view}`}.png`;
          await page.locator("canvas").screenshot({ path: path.join(OUT, name) });
          shots.push(name);
          console.log(name, JSON.stringify(info));
        }
      }
    }
    // Contact sheet of everything rendered, 4 per row at half size.
    const cells = shots
      .map(
        (n) =>
          `<figure><img src="data:image/png;base64,${readFileSync(path.join(OUT, n)).toString("base64")}"><figcaption>${n}</figcaption></figure>`,
      )
      .join("");
    const sheet = await browser.newPage({ viewport: { width: 4 * (SIZE / 2), height: 200 } });
    await sheet.setContent(
      `<style>body{margin:0;display:flex;flex-wrap:wrap;font:12px sans-serif;background:#fff}figure{margin:0;width:${SIZE / 2}px}img{width:100%;display:block}figcaption{padding:2px 4px}</style>${cells}`,
    );
    await sheet.screenshot({ path: path.join(OUT, "contact-sheet.png"), fullPage: true });
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`Previews written to ${OUT}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
