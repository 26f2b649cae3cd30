/**
 * Runs bench/quality/page.tsx in headless Chromium (llvmpipe, like the worker): bundles it with esbuild, serves it
 * with the app's public/ folder (samples, decoders) from a throwaway local server, and draws jobs one at a time.
 */
import { build } from "esbuild";
import { createServer, type Server } from "node:http";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { DrawJob, DrawResult } from "./page";

const ROOT = path.resolve(__dirname, "../..");
const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".html": "text/html",
  ".glb": "model/gltf-binary",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

export interface Harness {
  draw(job: DrawJob): Promise<Buffer>;
  /** Draws and reports the path tracer's numbers too (job.trace set). */
  drawTraced(job: DrawJob): Promise<{ png: Buffer; trace: DrawResult["trace"] }>;
  close(): Promise<void>;
  renderer: string;
  /** Frames three has drawn on the page so far. */
  framesDrawn(): Promise<number>;
}

export async function startHarness(): Promise<Harness> {
  const out = await mkdtemp(path.join(tmpdir(), "plinth-quality-"));
  await build({
    entryPoints: [path.join(__dirname, "page.tsx")],
    bundle: true,
    splitting: true,
    format: "esm",
    outdir: out,
    minify: true,
    jsx: "automatic",
    alias: { "@": ROOT },
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  // The scene decodes its HDRIs in a worker (components/scene/environment-loader.ts), which Next bundles from
  // `new URL("./environment-decode.worker.ts", import.meta.url)`; esbuild leaves that URL alone, so the worker is
  // bundled here on its own and served under the name the page asks for.
  await build({
    entryPoints: { "environment-decode.worker": path.join(ROOT, "components/scene/environment-decode.worker.ts") },
    bundle: true,
    format: "iife",
    outdir: out,
    minify: true,
    alias: { "@": ROOT },
    logLevel: "error",
  });
  const html =
    '<!doctype html><html><body style="margin:0"><div id="root"></div><script type="module" src="/page.js"></script></body></html>';
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file =
      url.pathname === "/"
        ? null
        : path
            .normalize(url.pathname)
            .replace(/^(\.\.[/\\])+/, "")
            .replace(/\.worker\.ts$/, ".worker.js");
    try {
      if (!file) return void res.writeHead(200, { "content-type": "text/html" }).end(html);
      const candidates = [path.join(out, file), path.join(ROOT, "public", file)];
      for (const candidate of candidates) {
        const body = await readFile(candidate).catch(() => null);
        if (body) {
          return void res
            .writeHead(200, { "content-type": TYPES[path.extname(candidate)] ?? "application/octet-stream" })
            .end(body);
        }
      }
      res.writeHead(404).end();
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;

  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    // No GPU watchdog: on llvmpipe the path tracer's one large shader compiles for minutes, which the watchdog
    // would take for a hung GPU and kill.
    args: [
      "--use-gl=angle",
      "--use-angle=gl-egl",
      "--ignore-gpu-blocklist",
      "--disable-gpu-watchdog",
      "--hide-scrollbars",
      "--mute-audio",
    ],
  });
  const page: Page = await browser.newPage({ viewport: { width: 1200, height: 1200 } });
  page.on("pageerror", (err) => console.error("[page]", err.message));
  page.on("console", (m) => {
    if (m.type() === "error" || m.text().startsWith("[trace]")) console.error("[console]", m.text().slice(0, 400));
  });
  page.on("crash", () => console.error("[page] crashed"));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof window.__draw === "function");
  const renderer = await page.evaluate(() => {
    const gl = document.createElement("canvas").getContext("webgl2");
    const info = gl?.getExtension("WEBGL_debug_renderer_info");
    return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "unknown";
  });

  const drawTraced = async (job: DrawJob) => {
    const { png: dataUrl, trace } = await page.evaluate((j) => window.__draw(j), job);
    if (!dataUrl.startsWith("data:image/png;base64,")) throw new Error(`no frame for ${job.templateId}`);
    return { png: Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64"), trace };
  };
  return {
    renderer,
    drawTraced,
    async draw(job) {
      return (await drawTraced(job)).png;
    },
    framesDrawn: () => page.evaluate(() => window.__framesDrawn()),
    async close() {
      await browser.close();
      server.close();
      await rm(out, { recursive: true, force: true });
    },
  };
}
