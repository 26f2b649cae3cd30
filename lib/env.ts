import { z } from "zod";

/**
 * Server environment, validated. Every variable has a working local default so `npm start` runs with no
 * configuration at all; see .env.example for the documented list. Server code, workers and the start script read
 * variables through env() only. The exceptions read process.env themselves on purpose: middleware and
 * lib/http/request-facts.ts (edge runtime, NODE_ENV inlined by Next), next.config.mjs and
 * scripts/lib/build-if-stale.ts (NEXT_DIST_DIR, a build setting), the OS's PATH and LD_LIBRARY_PATH for the
 * browser, and the sample and template generators' own knobs (BASE_URL, ONLY, VIEWS).
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface the web server listens on: every one by default; 127.0.0.1 keeps it on this machine. */
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Public base URL of the app, used in e-mailed links. */
  APP_URL: z.string().url().optional(),
  /** Auth.js's base URL; `npm start` sets it to APP_URL (else http://localhost:PORT) when unset. */
  NEXTAUTH_URL: z.string().url().optional(),
  /** Reverse proxies in front ("1", "2"...; "true" = 1): forwarded client address, protocol and host are believed. */
  TRUST_PROXY: z.string().optional(),
  /** Where embedded Postgres data, local storage and the generated secret live. */
  DATA_DIR: z.string().min(1).default("./data"),
  /** External Postgres. When unset, `npm start` runs an embedded Postgres under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Most Postgres connections one process keeps open. */
  PG_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  /**
   * Page renders the web server runs at once (`npm start`; 0: no limit); more wait their turn, so the API, the
   * render worker's page and server actions stay quick while many people browse (lib/http/page-gate.ts).
   */
  // Off by default: measured on 2 cores, a limit of 4 cut page throughput by about a third (bench:load, landing 43 -> 31 req/s)
  // while it helped API POSTs under saturation (bench:api); an API-heavy install can turn it on.
  WEB_PAGE_CONCURRENCY: z.coerce.number().int().min(0).max(1000).default(0),
  /**
   * Processes `npm start` renders pages in (scripts/lib/page-process.ts), so the API, clicks and assets never wait
   * behind page renders; unset: one per CPU core, up to 4; 0: the start script's own process serves everything (less memory).
   */
  WEB_PAGE_PROCESSES: z.coerce.number().int().min(0).max(32).optional(),
  /** "1": the embedded Postgres's own log lines go to the server log. */
  PLINTH_DB_LOG: z.enum(["1", "0"]).default("0"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Signs session cookies. Generated into DATA_DIR on first start when unset. */
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** Signs render-page tokens: its own key, so the render worker never holds NEXTAUTH_SECRET. Generated into
   * DATA_DIR/render-secret when unset. */
  RENDER_TOKEN_SECRET: z.string().min(16).optional(),
  /** Template/variation previews one workspace may have waiting or drawing at once; more wait their turn. */
  PREVIEW_QUEUE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(60),
  /** smtp://user:pass@host:port — when unset, mail goes to the server log and the dev outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Plinth <no-reply@plinth.local>"),
  /**
   * /dev/outbox (mail kept in the database, shown to loopback clients only): "auto" = only under `npm run dev`
   * (NODE_ENV=development), "on" = also in production (tests), "off" = never.
   */
  DEV_OUTBOX: z.enum(["on", "off", "auto"]).default("auto"),
  /** Set by the start script when it runs the embedded database. */
  PLINTH_EMBEDDED_DB: z.enum(["1", "0"]).default("0"),
  /** Failed sign-ins for one email from one client address: an attacker elsewhere cannot lock the owner out. */
  SIGNIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins for one email from all addresses together: a ceiling against distributed guessing. */
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(50),
  SIGNIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Sign-ups and password-reset requests allowed per client address (and resets per email) per hour. */
  SIGNUP_MAX_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(10),
  RESET_MAX_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(10),
  RESET_MAX_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).default(3),
  /** Looks at and accepts of invitation links per client address, and per link, per hour (then 429). */
  INVITE_MAX_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(30),
  INVITE_MAX_PER_LINK_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Requests one API key may make per minute (/api/v1); more answer 429 with Retry-After. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Largest product upload (one model with its files, or one .zip), in megabytes. */
  PRODUCT_MAX_MB: z.coerce.number().positive().max(2048).default(100),
  /** Uploaded models checked at the same time, each in its own worker process (lib/products/model-worker). */
  UPLOAD_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Uploads that may wait for a model worker; more are refused with 429. */
  UPLOAD_QUEUE_MAX: z.coerce.number().int().min(0).default(8),
  /** Longest a model worker may spend checking one upload, in seconds (then 422). */
  UPLOAD_TIMEOUT_S: z.coerce.number().positive().default(60),
  /** Most memory a model worker may use while checking one upload, in MB (then 422). */
  UPLOAD_WORKER_MEMORY_MB: z.coerce.number().int().min(128).default(1024),
  /** Local storage folder; defaults to DATA_DIR/storage. Ignored when S3_BUCKET is set. */
  STORAGE_DIR: z.string().min(1).optional(),
  /** S3-compatible storage (AWS, MinIO, R2...): used instead of the local folder when S3_BUCKET is set. */
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** "1" for path-style URLs (MinIO and most self-hosted stores). */
  S3_FORCE_PATH_STYLE: z.enum(["1", "0"]).default("0"),
  /** Stripe billing. Without STRIPE_SECRET_KEY every workspace stays on the free trial and no upgrade is offered. */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  /** Signing secret of the webhook endpoint (/api/stripe/webhook), whsec_... */
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Monthly Stripe price ids (price_...) of the Pro and Business plans. */
  STRIPE_PRICE_PRO: z.string().min(1).optional(),
  STRIPE_PRICE_BUSINESS: z.string().min(1).optional(),
  /** Encrypts stored integration secrets (Shopify tokens), AES-256-GCM. Generated into DATA_DIR/secrets-key when
   * unset; set it (the same value) on every web server and worker that do not share DATA_DIR. */
  SECRETS_KEY: z.string().min(32).optional(),
  /** Tests only: sends every Shopify Admin API call and staged upload to this loopback fake instead of the store. */
  SHOPIFY_TEST_ORIGIN: z
    .string()
    .url()
    .refine((v) => /^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(v), "must be http://127.0.0.1:<port> (a local fake)")
    .optional(),
  /** The render worker's browser: auto = CHROMIUM_PATH, else a system Chromium/Chrome, else the npm-shipped one. */
  RENDER_BROWSER: z.enum(["auto", "system", "bundled"]).default("auto"),
  /** A Chromium or Chrome for the render worker, tried first (unless RENDER_BROWSER=bundled). */
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** Render workers `npm start` runs beside the web server (0: web only). */
  RENDER_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  /** The web app a worker opens to render; defaults to http://localhost:PORT. */
  RENDER_APP_URL: z.string().url().optional(),
  /** Headless Chromium's GL path: llvmpipe (Mesa), swiftshader, or auto (llvmpipe when it works). */
  RENDER_GL: z.enum(["auto", "llvmpipe", "swiftshader"]).default("auto"),
  /**
   * The render worker's CPU niceness (0-19; 0: as started). Lowered by default so that on a shared machine the web
   * server's pages and API answer first while renders queue; renders still use every idle cycle.
   */
  RENDER_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** Render jobs a worker holds at once: one drawn while the other is encoded and stored. */
  RENDER_JOBS_IN_HAND: z.coerce.number().int().min(1).max(16).default(2),
  /**
   * The session page is reloaded (a few seconds) after this many draws, or sooner once the worker's memory, its
   * Chromium included, passes RENDER_WORKER_MEMORY_MB (worker/browser-memory.ts).
   */
  RENDER_PAGE_JOBS: z.coerce.number().int().min(1).max(100_000).default(500),
  RENDER_WORKER_MEMORY_MB: z.coerce.number().int().min(200).max(1_000_000).default(1400),
  /** Outputs larger than this (px, either side) are drawn as tiles and stitched. */
  RENDER_MAX_TILE: z.coerce.number().int().min(16).max(16_384).default(2048),
  /** "1": the worker logs each output's phases (draw, readback, encode, store). */
  RENDER_TIMING: z.enum(["1", "0"]).default("0"),
  /**
   * "1": exports may ask for Studio quality (issue 18): the Final raster, then path traced for STUDIO_BUDGET_S per image
   * (1:1 and 4:5 only). Off by default: on a CPU-only worker (llvmpipe) a 1080x1080 image reaches too few samples in
   * minutes to be clean; it needs a worker with a real WebGL2 GPU.
   */
  STUDIO_RENDERS: z.enum(["1", "0"]).default("0"),
  /** Seconds a Studio image is path traced for (the worker's time per image, on top of the Final draw). */
  STUDIO_BUDGET_S: z.coerce.number().int().min(1).max(600).default(60),
  /** "1": webhooks may be delivered to loopback, private and link-local addresses (self-hosters on a LAN). */
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: z.enum(["1", "0"]).default("0"),
});

export type Env = z.infer<typeof envSchema>;

const KEYS = Object.keys(envSchema.shape) as (keyof Env)[];
let cached: { env: Env; raw: string } | undefined;

/**
 * The validated environment. Parsed again whenever one of its variables changed: scripts/start.ts fills in
 * DATABASE_URL, NEXTAUTH_SECRET, RENDER_TOKEN_SECRET and NEXTAUTH_URL after start-up (and a worker drops the
 * session secret), so a value read early never goes stale.
 */
export function env(): Env {
  const raw = KEYS.map((k) => process.env[k] ?? "\u0000").join("\u0001");
  if (cached?.raw !== raw) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
    }
    cached = { env: parsed.data, raw };
  }
  return cached.env;
}

export function appUrl(): string {
  const e = env();
  return e.APP_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`;
}

export function devOutboxEnabled(): boolean {
  const e = env();
  if (e.DEV_OUTBOX === "on") return true;
  if (e.DEV_OUTBOX === "off") return false;
  // "auto": only `npm run dev`. A default `npm start` is production, and there reset links in a web page would let
  // anyone who reaches the port take over any account.
  return e.NODE_ENV === "development";
}
