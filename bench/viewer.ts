/**
 * npm run bench:viewer — JSON on stdout: the published 3D viewer against its budgets on this machine, served
 * locally: the viewer page's own JavaScript (gzip), time to the poster and to the interactive model (fresh
 * browser context each run, nothing cached), and each sample product's published model against its original
 * (goal: <= 30%). Needs a production build (`npm run build`). BENCH_RUNS=n runs (3); BENCH_PROFILE=1 adds each run's
 * CPU profile (slower: a diagnosis, not the budget's numbers).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Response } from "playwright-core";
import { SAMPLE_PRODUCTS } from "../lib/products/samples";
import { signedInClient } from "./lib/client";
import { startBenchServer } from "./lib/server";
import { launchVisitorBrowser, visitorGl } from "./lib/visitor-browser";
import { startCpuProfile } from "./lib/cpu-profile";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_PROFILE=1: also record each run's JavaScript CPU profile (where the long tasks go); slows the runs. */
const PROFILE = Boolean(process.env.BENCH_PROFILE);
const BUDGET = { posterMs: 1000, interactiveMs: 3000, modelRatio: 0.3 } as const;
const log = (...args: unknown[]) => console.error("[bench:viewer]", ...args);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Where the time went, in page time (ms since navigation start): the page's marks and resource timings. A string,
 * not a function: tsx compiles this file keeping function names (`__name(...)` calls), and a function handed to
 * page.evaluate would then throw "__name is not defined" in the page.
 */
const PHASES_SCRIPT = `(() => {
  const at = (name) => Math.round(performance.getEntriesByName(name)[0]?.startTime ?? -1);
  // requests: how many times it was fetched (a preload the loader does not reuse shows as 2).
  const resource = (part) => {
    const all = performance.getEntriesByType("resource").filter((e) => e.name.includes(part));
    const r = all[0];
    return r ? { start: Math.round(r.startTime), end: Math.round(r.responseEnd), kb: Math.round(r.encodedBodySize / 1024), requests: all.length } : null;
  };
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = (name) => Math.round(performance.getEntriesByName(name)[0]?.startTime ?? -1);
  return {
    html: Math.round(nav?.responseEnd ?? -1),
    firstContentfulPaint: paint("first-contentful-paint"),
    domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? -1),
    modelViewerImportStart: at("viewer:import-start"),
    modelViewerDefined: at("viewer:defined"),
    modelViewerModule: resource("/v/model-viewer.js"),
    glb: resource("/model.glb"),
    environment: resource("/environments/"),
    meshoptDecoder: resource("/decoders/meshopt/"),
    posterLoaded: at("viewer:poster-loaded"),
    environmentReady: at("viewer:environment-ready"),
    modelLoaded: at("viewer:model-loaded"),
    longTasksOver100ms: window.__longTasks,
  };
})()`;

type Viewer = { productId: string; path: string; modelBytes: number; sourceBytes: number };

async function main() {
  const server = await startBenchServer(3343, 54373, { RENDER_WORKERS: "1" });
  const browser = await launchVisitorBrowser();
  try {
    const api = await signedInClient(server.baseUrl);
    const published: { productId: string; path: string; id: string }[] = [];
    for (const sample of SAMPLE_PRODUCTS) {
      const res = await api.post(`/api/products/${sample.id}/viewers`, { data: {} });
      if (res.status() !== 201) throw new Error(`publish failed: ${await res.text()}`);
      const body = await res.json();
      published.push({ productId: sample.id, path: body.path, id: body.viewer.id });
    }
    const viewers: Viewer[] = [];
    const until = Date.now() + 300_000;
    for (const p of published) {
      for (;;) {
        const list = (await (await api.get(`/api/products/${p.productId}/viewers`)).json()).viewers as {
          id: string;
          status: string;
          modelBytes: number;
          sourceBytes: number;
        }[];
        const v = list.find((x) => x.id === p.id)!;
        if (v.status === "ready") {
          viewers.push({ productId: p.productId, path: p.path, modelBytes: v.modelBytes, sourceBytes: v.sourceBytes });
          break;
        }
        if (v.status === "failed" || Date.now() > until) throw new Error(`viewer of ${p.productId}: ${v.status}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    log("published", viewers.length, "viewers");

    const target = viewers.find((v) => v.productId === "sample_drink-can") ?? viewers[0];
    const posterMs: number[] = [];
    const interactiveMs: number[] = [];
    const phases: unknown[] = [];
    let js = { files: 0, rawKb: 0, gzipKb: 0 };
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 960, height: 720 } });
      // In page time, marked as they happen: the poster image's load (capture phase: load does not bubble), the
      // environment's light made (model-viewer's environment-change), and every main-thread task over 100 ms
      // after that (decoding, shader compiles) to tell where the time to "load" goes.
      await context.addInitScript(`
        document.addEventListener("load", (e) => {
          if (e.target?.dataset?.testid === "viewer-poster") performance.mark("viewer:poster-loaded");
        }, true);
        document.addEventListener("environment-change", () =>
          performance.getEntriesByName("viewer:environment-ready").length ||
          performance.mark("viewer:environment-ready"), true);
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const t of list.getEntries())
            if (t.duration > 100) window.__longTasks.push([Math.round(t.startTime), Math.round(t.duration)]);
        }).observe({ type: "longtask", buffered: true });`);
      const page = await context.newPage();
      const scripts: Promise<Buffer | null>[] = [];
      page.on("response", (res: Response) => {
        if (res.request().resourceType() === "script") scripts.push(res.body().catch(() => null));
      });
      const stopProfile = PROFILE ? await startCpuProfile(page) : undefined;
      const started = Date.now();
      await page.goto(`${server.baseUrl}${target.path}`, { waitUntil: "commit" });
      await page.waitForFunction(
        () => {
          const img = document.querySelector<HTMLImageElement>("[data-testid=viewer-poster]");
          return Boolean(img?.complete && img.naturalWidth > 0);
        },
        undefined,
        { timeout: 60_000, polling: 20 },
      );
      posterMs.push(Date.now() - started);
      await page.waitForSelector('[data-testid=viewer][data-state="ready"]', { timeout: 120_000 });
      interactiveMs.push(Date.now() - started);
      // Where the time went, in page time (ms since navigation start): the page's marks and resource timings.
      phases.push(await page.evaluate(PHASES_SCRIPT));
      if (stopProfile) {
        const { profile, top } = await stopProfile();
        const file = path.join(os.tmpdir(), `bench-viewer-run${i + 1}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        log(`run ${i + 1} CPU profile (self time, heaviest first; whole profile in ${file}):\n${top.join("\n")}`);
      }
      const bodies = (await Promise.all(scripts)).filter((b): b is Buffer => b !== null);
      js = {
        files: bodies.length,
        rawKb: Math.round(bodies.reduce((n, b) => n + b.length, 0) / 1024),
        gzipKb: Math.round(bodies.reduce((n, b) => n + gzipSync(b).length, 0) / 1024),
      };
      log("run", i + 1, "poster", posterMs[i], "ms, interactive", interactiveMs[i], "ms");
      await context.close();
    }

    const models = viewers.map((v) => ({
      product: v.productId,
      originalKb: Math.round(v.sourceBytes / 1024),
      publishedKb: Math.round(v.modelBytes / 1024),
      ratio: Number((v.modelBytes / v.sourceBytes).toFixed(3)),
    }));
    // The page's own clock (ms from navigation start, as a visitor waits): the wall clock around page.goto also
    // counts Playwright's round trips and its polling, hundreds of ms on a loaded machine. Both are reported.
    const pagePoster = phases.map((p) => (p as { posterLoaded: number }).posterLoaded);
    const pageModel = phases.map((p) => (p as { modelLoaded: number }).modelLoaded);
    const result = {
      webGl: visitorGl,
      viewerPageJs: js,
      posterVisibleMs: {
        median: median(pagePoster),
        runs: pagePoster,
        wallClockRuns: posterMs,
        budget: BUDGET.posterMs,
      },
      modelInteractiveMs: {
        median: median(pageModel),
        runs: pageModel,
        wallClockRuns: interactiveMs,
        budget: BUDGET.interactiveMs,
      },
      interactivePhasesMs: phases,
      models,
      modelRatio: { worst: Math.max(...models.map((m) => m.ratio)), goal: BUDGET.modelRatio },
      withinBudget: {
        poster: median(pagePoster) <= BUDGET.posterMs,
        interactive: median(pageModel) <= BUDGET.interactiveMs,
        models: models.every((m) => m.ratio <= BUDGET.modelRatio),
      },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
