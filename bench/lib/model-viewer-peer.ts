/**
 * The open-source peer: Shopify's screenshot-glb (puppeteer + Google's
 * <model-viewer>). Installed into a temporary folder at bench time, never an
 * app dependency. First its CLI as published (pointed at Debian's Chromium and
 * a local model-viewer build, since the default loads it from a CDN); then,
 * because that CLI forces --single-process and --disable-gpu, the same capture
 * (its HTML template, "poster-dismissed" + 3 frames, page.screenshot) driven in
 * our Chromium with our GL flags, so both sides draw with the same rasteriser,
 * three ways: as its CLI works per image (a browser launched and closed for
 * each image), a fresh page in a running browser, and the same page again.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const MODEL_VIEWER = "@google/model-viewer@4.4.0";
const THREE = "three@0.183.0";
const SCREENSHOT_GLB = "@shopify/screenshot-glb@4.2.1";
const MODEL = path.resolve(__dirname, "..", "..", "public", "samples", "drink-can.glb");
const log = (...args: unknown[]) => console.error("[bench:peer]", ...args);

function install(dir: string) {
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", dir, MODEL_VIEWER, THREE, SCREENSHOT_GLB],
    {
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}

function tryCli(dir: string, size: { width: number; height: number }) {
  const out = path.join(dir, "cli.png");
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      path.join(dir, "node_modules/@shopify/screenshot-glb/dist/cli.js"),
      "-i",
      MODEL,
      "-o",
      out,
      "-w",
      String(size.width),
      "-h",
      String(size.height),
      "-p",
      path.join(dir, "node_modules/@google/model-viewer/dist/model-viewer.min.js"),
      "-t",
      "60000",
    ],
    {
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
      encoding: "utf8",
      timeout: 90_000,
    },
  );
  const ok = run.status === 0 && fs.existsSync(out) && fs.statSync(out).size > 0;
  return {
    ok,
    ms: Date.now() - started,
    exitCode: run.status,
    tail: `${run.stdout ?? ""}${run.stderr ?? ""}`.trim().split("\n").slice(-3).join(" | "),
  };
}

function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const files: Record<string, string> = {
    "/model-viewer.min.js": path.join(dir, "node_modules/@google/model-viewer/dist/model-viewer.min.js"),
    "/model.glb": MODEL,
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/page") {
      // Same origin as the module script (module scripts need CORS across origins).
      res.writeHead(200, { "content-type": "text/html" });
      return void res.end(template("", Number(url.searchParams.get("w")), Number(url.searchParams.get("h"))));
    }
    const file = files[url.pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "model/gltf-binary" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() }),
    ),
  );
}

function template(base: string, width: number, height: number) {
  // screenshot-glb's own template (html-template.js), with local URLs.
  return `<!DOCTYPE html><html><head><script type="module" src="${base}/model-viewer.min.js"></script>
<style>body{margin:0}model-viewer{--progress-bar-color:transparent;width:${width}px;height:${height}px}</style></head>
<body><model-viewer id="snapshot-viewer" style="background-color: #ffffff;" interaction-prompt="none" src="${base}/model.glb"></model-viewer></body></html>`;
}

async function captureOnce(page: import("playwright-core").Page, base: string, width: number, height: number) {
  const started = Date.now();
  await page.setViewportSize({ width, height });
  await page.goto(`${base}/page?w=${width}&h=${height}`, { waitUntil: "domcontentloaded" });
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("model-viewer did not render in 120 s")), 120_000);
        document
          .getElementById("snapshot-viewer")!
          .addEventListener(
            "poster-dismissed",
            () =>
              requestAnimationFrame(() =>
                requestAnimationFrame(() => requestAnimationFrame(() => (clearTimeout(timer), resolve()))),
              ),
            { once: true },
          );
      }),
  );
  await page.screenshot({ type: "png", omitBackground: true });
  return Date.now() - started;
}

export async function runPeer(sizes: { width: number; height: number }[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-peer-"));
  try {
    log("installing", MODEL_VIEWER, SCREENSHOT_GLB, "into", dir);
    install(dir);
    const cli = tryCli(dir, sizes[0]);
    log("screenshot-glb CLI as published:", cli);
    const server = await serve(dir);
    const launch = () =>
      chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        // The same GL path as Plinth's render worker (Mesa llvmpipe through ANGLE).
        args: [
          "--no-sandbox",
          "--use-gl=angle",
          "--use-angle=gl-egl",
          "--ignore-gpu-blocklist",
          "--disable-background-networking",
        ],
      });
    const browser = await launch();
    const perImage: { size: string; cliPerImageMs: number; coldMs: number; warmMs: number }[] = [];
    try {
      for (const { width, height } of sizes) {
        // As the CLI works: launch a browser, open the page, capture, close (median of 3).
        const cliRuns: number[] = [];
        for (let run = 0; run < 3; run++) {
          const started = Date.now();
          const own = await launch();
          await captureOnce(await own.newPage(), server.url, width, height);
          await own.close();
          cliRuns.push(Date.now() - started);
        }
        const cliPerImageMs = cliRuns.sort((a, b) => a - b)[1];
        // Cold: a fresh page in a running browser.
        const fresh = await browser.newPage();
        const coldMs = await captureOnce(fresh, server.url, width, height);
        // Warm: the same page again (code and model cached).
        const warmMs = await captureOnce(fresh, server.url, width, height);
        await fresh.close();
        perImage.push({ size: `${width}x${height}`, cliPerImageMs, coldMs, warmMs });
        log("model-viewer", width, height, { cliPerImageMs, coldMs, warmMs });
      }
    } finally {
      await browser.close();
      server.close();
    }
    return {
      tool: `${SCREENSHOT_GLB} capture (model-viewer ${MODEL_VIEWER.split("@").pop()})`,
      model: "public/samples/drink-can.glb",
      cliAsPublished: cli,
      method:
        "screenshot-glb's HTML template and ready rule (poster-dismissed + 3 frames, then page.screenshot), served same-origin, driven by playwright in the same Chromium and GL path (llvmpipe) as Plinth's worker. cliPerImageMs: a browser launched per image as the CLI does (median of 3); coldMs: a fresh page in a running browser; warmMs: the same page again",
      perImage,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
