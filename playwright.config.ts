import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? "data/e2e";
const DATA_DIR = E2E_DATA_DIR;
/** Everything the shared server prints during the run; e2e/server-log-check.ts fails the run on unexpected errors in it. */
export const E2E_SERVER_LOG = process.env.E2E_SERVER_LOG ?? `${DATA_DIR}-server.log`;
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54330);
/** The local Shopify fake (tests/fakes/shopify-fake.ts) that e2e/shopify.spec.ts starts: no test reaches Shopify. */
export const SHOPIFY_FAKE_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_SHOPIFY_FAKE_PORT ?? PORT + 7)}`;
/**
 * The URL of an embedded Postgres started by `npm start` with this data folder: its password is generated into
 * DATA_DIR/pg-password at first start, so this is read when needed, after the server is up.
 */
export function embeddedDatabaseUrl(dataDir = DATA_DIR, pgPort = PG_PORT): string {
  const password = fs.readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
  return `postgres://plinth:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/plinth`;
}

/**
 * E2E runs against a production build served by `npm start` with its own
 * data folder (fresh embedded Postgres), in Debian's Chromium with SwiftShader WebGL.
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  globalTeardown: "./e2e/server-log-check.ts",
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: BASE_URL,
    // API calls from tests (page.request, request) carry the Origin a browser's own fetches send:
    // route handlers refuse signed-in writes without it (lib/http/same-origin.ts).
    extraHTTPHeaders: { origin: BASE_URL },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader",
        "--ignore-gpu-blocklist",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "default", testIgnore: /bundled-browser\.spec\.ts$/ },
    // The render worker on the Chromium that `npm install` brings (RENDER_BROWSER=bundled), not Debian's.
    { name: "bundled-browser", testMatch: /bundled-browser\.spec\.ts$/ },
  ],
  webServer: {
    command: `rm -rf ${DATA_DIR} && npm start 2>&1 | tee ${E2E_SERVER_LOG}`,
    url: `${BASE_URL}/`,
    timeout: 300_000,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR,
      EMBEDDED_PG_PORT: String(PG_PORT),
      // Render tests start and kill their own workers (e2e/fixtures/worker.ts).
      RENDER_WORKERS: "0",
      SHOPIFY_TEST_ORIGIN: SHOPIFY_FAKE_ORIGIN,
      APP_URL: BASE_URL,
      NEXTAUTH_URL: BASE_URL,
      SIGNIN_MAX_FAILURES_PER_IP: "1000",
      // Every spec signs up its own accounts from this one loopback address.
      SIGNUP_MAX_PER_IP_PER_HOUR: "100000",
      RESET_MAX_PER_IP_PER_HOUR: "1000",
      INVITE_MAX_PER_IP_PER_HOUR: "100000",
      // Reset links are read back from /dev/outbox (loopback clients only); production's default is off.
      DEV_OUTBOX: "on",
      // Studio quality offered (off by default in production): e2e/studio.spec.ts exports one, traced for 2 s (the
      // budget is the web server's: it travels in the job).
      STUDIO_RENDERS: "1",
      STUDIO_BUDGET_S: "2",
    },
  },
});
