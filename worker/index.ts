/**
 * The render worker: `npm run worker` (or started by `npm start` beside the
 * web server). Scale out by running more of these anywhere that reaches the
 * same DATABASE_URL, storage and web app (RENDER_APP_URL).
 */
import path from "node:path";
import { closeDb, getDb } from "../lib/db";
import { refundFailedOutput } from "../lib/billing/refunds";
import { getBoss, stopBoss } from "../lib/jobs/boss";
import { listProductsWithoutThumbnail } from "../lib/db/queries/products";
import { requestProductThumbnail } from "../lib/products/product-thumbnail";
import { getStorage } from "../lib/storage";
import { ensureRenderSecret, loadDotEnv, resolveDataDir } from "../scripts/lib/data-dir";
import type { RenderBrowser } from "./browser";
import { parseBrowserMode } from "./browser-executable";
import { describeBrowser, startBrowserWithRetries, swiftShaderHint } from "./start-browser";
import { workerHealth } from "./worker-health";
import { registerJobs } from "./register-jobs";
import { installLogRedaction } from "../lib/logging/install-redaction";
import { env } from "../lib/env";
import { warmUpSession } from "./warm-up";
import { lowerWorkerPriority } from "./priority";

async function main() {
  process.chdir(path.resolve(__dirname, ".."));
  // Errors logged here (a failed query from pg-boss or ours) never print the query's values.
  installLogRedaction();
  loadDotEnv();
  // The worker signs render tokens with their own key and never holds the session secret: its Chromium runs
  // uploaded models. A .env or shell that sets NEXTAUTH_SECRET anyway does not reach the browser or this process.
  process.env.RENDER_TOKEN_SECRET = ensureRenderSecret(resolveDataDir());
  delete process.env.NEXTAUTH_SECRET;
  delete process.env.AUTH_SECRET;
  const config = env();
  // Before the browser starts, so Chromium's processes inherit it.
  console.log(`[worker] ${lowerWorkerPriority(config.RENDER_WORKER_NICE)}`);
  if (!config.DATABASE_URL)
    throw new Error("DATABASE_URL is not set (npm start sets it for the worker it runs; a standalone worker needs it)");
  const appUrl = (config.RENDER_APP_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, "");
  const mode = parseBrowserMode(config.RENDER_BROWSER);
  const health = workerHealth(getDb());
  // Filled in as start-up gets there: a stop while still looking for a browser has no browser or queue to close.
  const running: { browser?: RenderBrowser; boss?: boolean } = {};

  let stopping = false;
  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${why}: finishing the current job and stopping`);
    if (running.boss) await stopBoss();
    await running.browser?.close();
    await health.stop();
    await closeDb().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // Started by `npm start`: when that process dies (even by SIGKILL) the IPC channel closes.
  process.on("disconnect", () => void shutdown("parent exited"));

  await health.start();
  // Without a browser the worker stays up, says why in render_workers (the app shows "Rendering is paused") and
  // tries again with a backoff; jobs wait in the queue, untouched, until a browser starts.
  const found = await startBrowserWithRetries({
    dataDir: resolveDataDir(),
    mode,
    chromiumPath: config.CHROMIUM_PATH,
    onNoBrowser: (message) => health.set("no_browser", { message }),
  });
  const browser = (running.browser = found.browser);
  const described = describeBrowser(found.resolved, browser);
  console.log(`[worker] browser: ${described}`);
  if (browser.gl === "swiftshader") console.log(swiftShaderHint(found.resolved));
  // The first job (often a new user's first preview) should not pay for the page's load and shader compilation.
  const warmMs = await warmUpSession(browser, appUrl);
  if (warmMs !== null) console.log(`[worker] session page warmed up in ${warmMs} ms`);
  const boss = await getBoss("worker");
  running.boss = true;
  // Every job kind of lib/jobs/registry.ts: exports, previews, product thumbnails, the hourly sweep.
  await registerJobs(boss, {
    db: getDb(),
    storage: getStorage(),
    browser,
    appUrl,
    refund: async (outputId) => void (await refundFailedOutput(getDb(), outputId)),
  });
  // Catch up on products that have no thumbnail (uploaded while no worker ran, or whose render failed),
  // in the background: the worker takes jobs meanwhile, and repeated requests are dropped by the queue.
  void listProductsWithoutThumbnail(getDb())
    .then(async (missing) => {
      for (const { id } of missing) await requestProductThumbnail(id);
    })
    .catch((err: Error) => console.error(`[worker] thumbnail catch-up failed: ${err.message}`));
  await health.set("ready", { browser: described });
  console.log(`[worker] ready (pid ${process.pid}, WebGL on ${browser.gl}), rendering pages of ${appUrl}`);
}

main().catch((err) => {
  console.error("[worker] failed to start:", err);
  process.exit(1);
});
