/**
 * npm run bench:editor — JSON on stdout: when the editor route first draws the product and when it draws the
 * finished look on this machine, and how much JavaScript (gzip) each route loads, to keep three.js and the editor
 * out of pages that do not need them. Needs a production build (`npm run build`).
 *
 * The times are the page's own performance marks (components/scene/frame-marks.ts), set right after the frame is
 * drawn, from navigation start: the ready attribute reaches the DOM only with React's next commit, which can wait
 * behind the look's shader compiles, so it is reported beside them (from page.goto) but is not the draw.
 */
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { createScene, signedInClient } from "./lib/client";
import { startBenchServer } from "./lib/server";
import { launchVisitorBrowser, visitorGl } from "./lib/visitor-browser";
import { FIRST_FRAME_MARK, LOOK_FRAME_MARK } from "../components/scene/frame-marks";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const log = (...args: unknown[]) => console.error("[bench:editor]", ...args);

async function jsBytes(
  page: Page,
  url: string,
): Promise<{ files: number; rawKb: number; gzipKb: number; threeLoaded: boolean }> {
  const bodies: Buffer[] = [];
  let threeLoaded = false;
  const onResponse = async (res: import("playwright-core").Response) => {
    if (res.request().resourceType() !== "script") return;
    const body = await res.body().catch(() => null);
    if (!body) return;
    bodies.push(body);
    // three.js announces itself with its REVISION constant.
    if (/REVISION\s*=\s*"\d+"|"three"|WebGLRenderer/.test(body.toString("latin1"))) threeLoaded = true;
  };
  page.on("response", onResponse);
  await page.goto(url, { waitUntil: "networkidle" });
  page.off("response", onResponse);
  const raw = bodies.reduce((n, b) => n + b.length, 0);
  const gz = bodies.reduce((n, b) => n + gzipSync(b).length, 0);
  return { files: bodies.length, rawKb: Math.round(raw / 1024), gzipKb: Math.round(gz / 1024), threeLoaded };
}

async function main() {
  const server = await startBenchServer(3301, 54361);
  const api = await signedInClient(server.baseUrl);
  const sceneId = await createScene(api, "sample_drink-can");
  const storage = await api.storageState();
  const browser = await launchVisitorBrowser();
  try {
    const firstFrameMs: number[] = [];
    const lookFrameMs: number[] = [];
    const readyAttributeMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh context each run: nothing cached, like a first visit.
      const context = await browser.newContext({ storageState: storage, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${server.baseUrl}/scenes/${sceneId}`);
      await page.waitForSelector('[data-testid="scene-canvas"][data-render-state="ready"]', { timeout: 120_000 });
      readyAttributeMs.push(Date.now() - started);
      // The sample scene's template has a look, so its finished frame always comes.
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, LOOK_FRAME_MARK, {
        timeout: 120_000,
      });
      const [first, look] = await page.evaluate(
        (names) => names.map((name) => Math.round(performance.getEntriesByName(name)[0].startTime)),
        [FIRST_FRAME_MARK, LOOK_FRAME_MARK],
      );
      // The page's own resource list holds the HDRI only where it was fetched on the main thread (the decode
      // worker's fetches are the worker's): a check that the worker ran.
      const decodedOnPage = await page.evaluate(() =>
        performance.getEntriesByType("resource").some((entry) => entry.name.includes("/environments/")),
      );
      if (decodedOnPage) log("run", i + 1, "the HDRI was fetched and decoded on the main thread, not in the worker");
      firstFrameMs.push(first);
      lookFrameMs.push(look);
      log("run", i + 1, "first frame", first, "ms; look", look, "ms; ready attribute", readyAttributeMs[i], "ms");
      await context.close();
    }
    const context = await browser.newContext({ storageState: storage });
    const page = await context.newPage();
    const routes: Record<string, Awaited<ReturnType<typeof jsBytes>>> = {};
    for (const [name, path] of [
      ["landing /", "/"],
      ["products /products", "/products"],
      ["scenes /scenes", "/scenes"],
      ["renders /renders", "/renders"],
      ["editor /scenes/[id]", `/scenes/${sceneId}`],
    ]) {
      routes[name] = await jsBytes(page, `${server.baseUrl}${path}`);
    }
    await context.close();
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(
      JSON.stringify(
        {
          editorFirstDrawnFrameMs: { median: median(firstFrameMs), runs: firstFrameMs },
          editorLookFinishedMs: { median: median(lookFrameMs), runs: lookFrameMs },
          editorReadyAttributeMs: { median: median(readyAttributeMs), runs: readyAttributeMs },
          editorRouteJsGzipKb: routes["editor /scenes/[id]"].gzipKb,
          webGl: visitorGl,
          routes,
          note: "cold cache, times from navigation start: first drawn frame = the first frame showing the product is drawn (performance mark after the draw); look finished = the first frame through the document's look (AO, grade) is drawn; ready attribute = page.goto to data-render-state=ready in the DOM (what this bench reported before: it waits for React's next commit). WebGL on this CPU (webGl: llvmpipe stands in for a visitor's GPU, BENCH_GL=swiftshader for the worst case)",
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await api.dispose();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
