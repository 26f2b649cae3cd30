/**
 * `npm start` (and `npm run dev`): the whole product in one command.
 * Starts embedded Postgres when DATABASE_URL is unset, applies migrations,
 * builds when needed, then serves Next.js in this process, so a SIGKILL of
 * this process leaves at most a postmaster behind, which the next start stops.
 */
import http from "node:http";
import path from "node:path";
import { parse } from "node:url";
import next from "next";
import { startEmbeddedPostgres, type EmbeddedDb } from "../lib/db/embedded";
import { runMigrations } from "../lib/db/migrate";
import { CLIENT_IP_HEADER, resolveClientIp, trustedProxyHops } from "../lib/auth/client-ip";
import { isGatedPageRequest, PageGate } from "../lib/http/page-gate";
import { defaultPageProcessCount, startPageProcesses } from "./lib/page-process";
import { buildIfStale } from "./lib/build-if-stale";
import { applyNextEnv } from "./lib/next-env";
import { superviseWorkers } from "./lib/worker-supervisor";
import { ensureAuthSecret, ensureRenderSecret, loadDotEnv, resolveDataDir } from "./lib/data-dir";
import { installLogRedaction } from "../lib/logging/install-redaction";
import { env } from "../lib/env";

async function main() {
  const dev = process.argv.includes("--dev");
  const root = path.resolve(__dirname, "..");
  process.chdir(root);
  // Telemetry off and no lockfile "patching" over the network, for this server and the build it may run.
  applyNextEnv();
  // Whatever this process logs (our handlers, Next.js printing an error from a page) never carries query values.
  installLogRedaction();
  loadDotEnv();
  const dataDir = resolveDataDir();
  // Validated here, before anything starts; env() parses again when the lines below fill in the rest.
  const {
    PORT: port,
    HOST: host,
    APP_URL,
    EMBEDDED_PG_PORT: pgPort,
    TRUST_PROXY,
    RENDER_WORKERS,
    WEB_PAGE_CONCURRENCY,
    WEB_PAGE_PROCESSES,
  } = env();
  process.env.NEXTAUTH_SECRET = ensureAuthSecret(dataDir);
  // Render tokens have a key of their own: the worker gets this one and never the session secret.
  process.env.RENDER_TOKEN_SECRET = ensureRenderSecret(dataDir);
  process.env.NEXTAUTH_URL ??= APP_URL ?? `http://localhost:${port}`;

  let embedded: EmbeddedDb | undefined;
  if (!env().DATABASE_URL) {
    embedded = await startEmbeddedPostgres(path.join(dataDir, "postgres"), pgPort);
    process.env.DATABASE_URL = embedded.url;
    process.env.PLINTH_EMBEDDED_DB = "1";
    console.log(`[start] embedded Postgres on 127.0.0.1:${pgPort} (data in ${path.join(dataDir, "postgres")})`);
  }
  await runMigrations(env().DATABASE_URL!);
  console.log("[start] database migrated");

  if (!dev) buildIfStale(root);
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  // Started before this process's own Next.js, so both boot at once.
  const pageProcesses = dev ? 0 : (WEB_PAGE_PROCESSES ?? defaultPageProcessCount());
  const pages = pageProcesses > 0 ? startPageProcesses(root, pageProcesses, process.env) : null;
  const app = next({ dev, dir: root, hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  await pages?.ready;

  const proxyHops = trustedProxyHops(TRUST_PROXY);
  // Page renders take turns (lib/http/page-gate.ts), so the API and clicks stay quick while many people browse.
  const pageGate = !dev && WEB_PAGE_CONCURRENCY > 0 ? new PageGate(WEB_PAGE_CONCURRENCY) : null;
  const server = http.createServer((req, res) => {
    // The per-IP sign-in limit reads this header; clients cannot set it themselves.
    // The rightmost X-Forwarded-For hops are our proxies'; the leftmost is whatever the client wrote.
    req.headers[CLIENT_IP_HEADER] = resolveClientIp(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      proxyHops,
    );
    const serveHere = () => void handle(req, res, parse(req.url ?? "/", true));
    const isPage = isGatedPageRequest(req.method, req.url);
    if (isPage && pages?.forward(req, res, serveHere)) return;
    if (!pageGate || !isPage) return serveHere();
    void pageGate.enter().then((leave) => {
      // A visitor who left while waiting costs nothing more.
      if (res.closed) return leave();
      res.once("close", leave);
      serveHere();
    });
  });
  // One render worker beside the web server by default; RENDER_WORKERS=0 for a web-only node.
  const workerCount = RENDER_WORKERS;
  let workers: ReturnType<typeof superviseWorkers> | undefined;
  server.listen(port, host, () => {
    console.log(`[start] Plinth ready on http://localhost:${port}`);
    if (workerCount > 0) {
      workers = superviseWorkers(root, workerCount, {
        ...process.env,
        RENDER_APP_URL: env().RENDER_APP_URL ?? `http://localhost:${port}`,
      });
    }
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[start] ${signal}: shutting down`);
    // Never hang on a slow client or database: exit within 15 s whatever happens.
    setTimeout(() => process.exit(0), 15_000).unref();
    server.close();
    await Promise.all([workers?.stop(), pages?.stop()]);
    await app.close?.().catch(() => {});
    await embedded?.stop().catch((e: Error) => console.error("[start] postgres stop:", e.message));
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err) => {
  console.error("[start] failed:", err);
  process.exit(1);
});
