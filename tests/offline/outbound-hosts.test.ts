import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * "Nothing leaves the machine unless configured": every place in the product that can open a network
 * connection is listed here with where it goes and which setting sends it there. A new call site, a new
 * network library or a new hard-coded host fails this test until it is reviewed and added.
 * (What pages load in the browser is checked by the e2e suite: no off-site requests.)
 */
const ROOT = path.resolve(__dirname, "..", "..");
/** Code that runs in the product: server, worker, browser bundles and the start script. */
const PRODUCT_DIRS = [
  "app",
  "components",
  "lib",
  "worker",
  "middleware.ts",
  "next.config.js",
  "scripts/start.ts",
  "scripts/lib",
];

/** Where each module can connect, and what decides it. */
const OUTBOUND: Record<string, string> = {
  "lib/billing/config.ts": "api.stripe.com through the stripe library, only when STRIPE_SECRET_KEY is set",
  "lib/mail/send-mail.ts": "the SMTP server of SMTP_URL; without it mail is never sent",
  "lib/storage/s3.ts":
    "the S3-compatible endpoint of S3_ENDPOINT / S3_REGION, only when S3_BUCKET is set (lib/storage/index.ts)",
  "lib/webhooks/blocked-addresses.ts": "nowhere: imports node:net only for isIP (address parsing)",
  "lib/webhooks/post-webhook.ts":
    "the webhook endpoints owners add in Settings → Webhooks, at the address checked by lib/webhooks/safe-target.ts " +
    "(never loopback, private or link-local unless WEBHOOKS_ALLOW_PRIVATE_TARGETS=1; no redirects)",
  "lib/db/index.ts": "Postgres at DATABASE_URL (the embedded one on 127.0.0.1 by default)",
  "lib/db/migrate.ts": "Postgres at DATABASE_URL",
  "lib/db/embedded.ts": "the embedded Postgres on 127.0.0.1",
  "lib/jobs/boss.ts": "Postgres at DATABASE_URL (pg-boss)",
  "worker/browser.ts": "a local Chromium, which opens only this app's own render pages (RENDER_APP_URL)",
  "scripts/start.ts": "listens on HOST:PORT; connects to nothing itself",
  "scripts/lib/page-process.ts":
    "this app's own page process (scripts/page-server.ts), over a unix socket in a private temporary folder",
  "app/render/session/model-cache.ts": "in the render page: the app's own model URLs handed to it by the worker",
  "lib/editor/use-autosave.ts": "in the browser: this app's own /api/scenes/:id",
  "lib/client/api.ts": "in the browser: this app's own /api/* (it refuses any path that is not same-origin)",
  "components/scene/environment-prefetch.ts":
    "in the browser: this app's own /environments/<id>.exr (the scene's HDRI), when its decode worker cannot run",
  "components/scene/environment-decode.worker.ts":
    "in the browser's worker: the HDRI URL the page hands it (this app's own /environments/<id>.exr)",
  "lib/shopify/shopify-fetch.ts":
    "the connected store's own <shop>.myshopify.com Admin API, and the staged-upload URL Shopify returned (https on " +
    "Shopify's or Google's storage hosts), redirects refused; only when an owner connected a store " +
    "(SHOPIFY_TEST_ORIGIN, tests only: a loopback fake instead)",
  "lib/shopify/admin-client.ts": "@shopify/admin-api-client, whose fetch is shopify-fetch.ts's (the store only)",
  "lib/shopify/client-credentials.ts":
    "the connected store's own <shop>.myshopify.com/admin/oauth/access_token (through adminUrl, redirects refused), " +
    "only when an owner connected a store with its app's client id and secret",
};

/** Hosts that may appear literally in product code, and why none of them is contacted off the machine. */
const ALLOWED_LITERAL_HOSTS: Record<string, string> = {
  localhost: "this machine",
  "127.0.0.1": "this machine",
  "plinth.local": "a placeholder base for parsing relative redirect targets (lib/safe-redirect.ts); never fetched",
  "www.w3.org": "the SVG XML namespace in the watermark (worker/watermark.ts); never fetched",
};

const NETWORK_IMPORT =
  /(?:from\s+|require\(\s*|import\(\s*)["'](?:node:)?(?:http|https|http2|net|tls|dgram)["']|(?:from\s+|require\(\s*|import\(\s*)["'](?:nodemailer|stripe|pg|pg-boss|playwright-core|playwright|undici|ws|axios|node-fetch|@aws-sdk\/[\w-]+|@sparticuz\/chromium|@shopify\/admin-api-client)["']/;

function productFiles(): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const full = path.join(ROOT, p);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const entry of fs.readdirSync(full)) {
        if (entry === "node_modules" || entry.startsWith(".") || entry === "templates" || entry === "__fixtures__")
          continue;
        walk(path.join(p, entry));
      }
    } else if (/\.(ts|tsx|js|mjs)$/.test(p) && !/\.test\.tsx?$/.test(p)) out.push(p.split(path.sep).join("/"));
  };
  PRODUCT_DIRS.forEach(walk);
  return out.sort();
}

/** Source without comments, so documentation links do not count as call sites. */
function code(file: string): string {
  return (
    fs
      .readFileSync(path.join(ROOT, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/(^|[^:"'`])\/\/.*$/gm, "$1")
      // Type-only imports open nothing.
      .replace(/^\s*import\s+type\s[^;]*;/gm, "")
  );
}

describe("outbound connections", () => {
  const files = productFiles();

  it("finds the product's code (a check that scans nothing cannot fail)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain("lib/mail/send-mail.ts");
  });

  it("every module that can open a connection is declared with where it goes", () => {
    const undeclared: string[] = [];
    for (const file of files) {
      const source = code(file);
      const network = NETWORK_IMPORT.test(source);
      // fetch with a relative literal ("/api/...") stays on this origin; anything else must be declared.
      const fetches = [...source.matchAll(/\bfetch\(\s*([^,)]*)/g)].map((m) => m[1].trim());
      const offOrigin = fetches.filter((arg) => !/^["'`]\//.test(arg));
      if ((network || offOrigin.length > 0) && !OUTBOUND[file])
        undeclared.push(`${file}${offOrigin.length ? ` (fetch(${offOrigin.join("), fetch(")}))` : ""}`);
    }
    expect(undeclared, "new outbound call sites: review them and add them to OUTBOUND").toEqual([]);
  });

  it("declares no module that no longer connects anywhere (the list stays true)", () => {
    const stale = Object.keys(OUTBOUND).filter((file) => {
      if (!fs.existsSync(path.join(ROOT, file))) return true;
      const source = code(file);
      return !NETWORK_IMPORT.test(source) && !/\bfetch\(/.test(source);
    });
    expect(stale).toEqual([]);
  });

  it("hard-codes no host but this machine's", () => {
    const hosts = new Map<string, string>();
    for (const file of files) {
      for (const m of code(file).matchAll(/\b(?:https?|wss?|smtps?):\/\/([A-Za-z0-9.-]+)/g))
        hosts.set(m[1].toLowerCase(), file);
    }
    const unknown = [...hosts]
      .filter(([host]) => !(host in ALLOWED_LITERAL_HOSTS))
      .map(([host, file]) => `${host} in ${file}`);
    expect(unknown).toEqual([]);
  });

  it("sends Shopify calls only through the store-pinned fetch, and staged uploads only to checked hosts", () => {
    expect(code("lib/shopify/admin-client.ts")).toMatch(/customFetchApi: adminFetch\(shopDomain\)/);
    expect(code("lib/shopify/shopify-fetch.ts")).toMatch(/const url = checkStagedUploadUrl\(target\.url\)/);
    expect(code("lib/shopify/shopify-fetch.ts")).not.toMatch(/redirect: "follow"/);
    expect(code("lib/shopify/client-credentials.ts")).toMatch(/fetch\(adminUrl\(/);
    expect(code("lib/shopify/client-credentials.ts")).toMatch(/redirect: "error"/);
  });

  it("takes Stripe, SMTP and S3 destinations only from the environment", () => {
    expect(code("lib/mail/send-mail.ts")).toMatch(/SMTP_URL/);
    expect(code("lib/storage/index.ts")).toMatch(/if \(e\.S3_BUCKET\)[\s\S]*endpoint: e\.S3_ENDPOINT/);
    expect(code("lib/billing/config.ts")).toMatch(/STRIPE_SECRET_KEY/);
  });
});
