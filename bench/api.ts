/**
 * `npm run bench:api`: the public API under load on a throwaway production server on this machine (loopback only),
 * JSON on stdout, progress on stderr. Needs a production build (`npm run build`).
 *  1. SETUP (not measured): USERS signed-in users, the first KEYS of them each with a test key (plk_test_: free,
 *     small watermarked Drafts, so rendering many is feasible), a scene made through the API, and a webhook endpoint
 *     for every event pointing at a receiver in this process (WEBHOOKS_ALLOW_PRIVATE_TARGETS=1: it is on loopback).
 *  2. SINGLE BATCH: WORKERS workers render one API batch of the same four ratios alone on the queue (the way
 *     bench:render measures a single batch): its outputs per minute are the reference for the queue's throughput.
 *  3. POSTS: KEYS keys (one request in flight each) create OUTPUTS outputs as OUTPUTS/4 POSTs of four ratios,
 *     alternating POST /api/v1/renders (a scene) and POST /api/v1/render-groups (a template × a product), each with
 *     its own Idempotency-Key, while all USERS browse Products, Templates and Renders. No worker runs meanwhile, so
 *     the latencies are the web tier's and Postgres's, not Chromium's (2 cores). POST p50/p95/p99, 5xx, browse
 *     latencies, outputs created against requested.
 *  4. QUEUE: WORKERS workers drain the queue for at most WINDOW_S seconds (all of it when it fits): outputs done per
 *     minute against the single batch's. What is left then is cancelled through the API (refunded; render.failed),
 *     so every render, batch and group ends, and the receiver must then have every event's delivery exactly once
 *     (webhook-id counted, signature checked with the standardwebhooks package) against the outbox in Postgres.
 *     Meanwhile a probe posts once a second (cancelled at once) and opens a page: the API's and the UI's latency
 *     while Chromium renders (RENDER_WORKER_NICE=0 to compare with workers at full priority). Then the outbox must
 *     drain within DRAIN_S: the seconds it took and the deliveries still pending are reported (pending: exit 1).
 * Env: WEB_PAGE_PROCESSES (0: pages in the server's own process, as before), BENCH_QUICK=1 (OUTPUTS 200, WINDOW_S 60), OUTPUTS (1000), KEYS (10), USERS (20), WORKERS (2), WINDOW_S (300),
 *      DRAIN_S (300), BENCH_PORT (3290), BENCH_PG_PORT (54490), RENDER_WORKER_NICE (the workers', default 10),
 *      WEB_PAGE_CONCURRENCY (the server's page renders at once, default 0: no limit),
 *      BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { Client } from "pg";
import { Webhook } from "standardwebhooks";
import { generateApiKey } from "../lib/api-keys/secret";
import { signedInAccount } from "./lib/client";
import { serverCpuSeconds, startBenchServer, startBenchWorker, type BenchServer } from "./lib/server";

const QUICK = process.env.BENCH_QUICK === "1";
const OUTPUTS = Number(process.env.OUTPUTS ?? (QUICK ? 200 : 1000));
const KEYS = Number(process.env.KEYS ?? 10);
const USERS = Math.max(KEYS, Number(process.env.USERS ?? 20));
const WORKERS = Number(process.env.WORKERS ?? 2);
const WINDOW_S = Number(process.env.WINDOW_S ?? (QUICK ? 60 : 300));
const RATIOS = ["1:1", "4:5", "9:16", "16:9"];
const POSTS = Math.ceil(OUTPUTS / RATIOS.length);
const ALONE_POSTS = Number(process.env.ALONE_POSTS ?? 20);
const DRAIN_S = Number(process.env.DRAIN_S ?? 300);
const PRODUCTS = ["sample_perfume-bottle", "sample_drink-can", "sample_kraft-box"];
const TEMPLATES = ["beach-coral", "beach-dune", "pastel-mint"];
const EVENTS = ["render.completed", "render.failed", "batch.completed", "render_group.completed", "product.ready"];
const BROWSE_PAGES = ["/products", "/templates", "/renders"];

const log = (...args: unknown[]) => console.error("[bench:api]", ...args);
const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
const round = (n: number | null, d = 1) => (n === null ? null : Math.round(n * 10 ** d) / 10 ** d);
const latency = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return { p50: round(pct(s, 50)), p95: round(pct(s, 95)), p99: round(pct(s, 99)), max: round(s.at(-1) ?? null) };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Account = Awaited<ReturnType<typeof signedInAccount>> & { cookie: string };
type Key = { secret: string; workspaceId: string; sceneId: string; webhookSecret: string };

/** Counts every delivery by webhook-id, and checks each signature with the endpoint's secret. */
function startReceiver(secrets: Map<string, string>) {
  const seen = new Map<string, number>();
  const byType: Record<string, number> = {};
  let badSignatures = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const secret = secrets.get(req.url ?? "");
      try {
        if (!secret) throw new Error("unknown endpoint");
        new Webhook(secret).verify(body, req.headers as Record<string, string>);
      } catch {
        badSignatures++;
      }
      const id = String(req.headers["webhook-id"]);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const type = (JSON.parse(body) as { type: string }).type;
      byType[type] = (byType[type] ?? 0) + 1;
      res.writeHead(200).end("ok");
    });
  });
  return {
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
      ),
    close: () => new Promise((r) => server.close(r)),
    stats: () => ({
      received: [...seen.values()].reduce((s, n) => s + n, 0),
      uniqueEvents: seen.size,
      duplicates: [...seen.values()].filter((n) => n > 1).length,
      badSignatures,
      byType: { ...byType },
    }),
  };
}

async function api(server: BenchServer, key: string, path: string, body?: unknown) {
  const t0 = performance.now();
  const idempotencyKey = randomUUID();
  const send = () =>
    fetch(`${server.baseUrl}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { "content-type": "application/json", "idempotency-key": idempotencyKey }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  // A kept-alive socket the server closed as we reused it: sent again with the same Idempotency-Key, as a client
  // should (the server runs it at most once).
  const res = await send().catch(() => send());
  const text = await res.text();
  // Server-Timing (lib/auth/api-route.ts): "key;dur=1.2, rate;dur=0.8, ..." ─► { key: 1.2, rate: 0.8, ... }
  const timing = Object.fromEntries(
    (res.headers.get("server-timing") ?? "")
      .split(",")
      .map((part) => /^\s*(\w+);dur=([\d.]+)/.exec(part))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], Number(m[2])]),
  );
  return { status: res.status, ms: performance.now() - t0, timing, json: text ? JSON.parse(text) : null };
}

/** p50/p95 of each Server-Timing span over many answers: where the server spent a POST's time. */
function spans(timings: Record<string, number>[]) {
  const names = [...new Set(timings.flatMap((t) => Object.keys(t)))];
  return Object.fromEntries(
    names.map((n) => {
      const s = timings
        .map((t) => t[n])
        .filter((v) => v !== undefined)
        .sort((a, b) => a - b);
      return [n, { p50: round(pct(s, 50)), p95: round(pct(s, 95)) }];
    }),
  );
}

/** A POST of four ratios: a render of the key's scene, or (odd i) a group of one template × one product. */
function postBody(key: Key, i: number, n: number) {
  return i % 2 === 1
    ? {
        path: "/api/v1/render-groups",
        kind: "render-groups",
        body: {
          template_ids: [TEMPLATES[i % TEMPLATES.length]],
          product_ids: [PRODUCTS[n % PRODUCTS.length]],
          ratios: RATIOS,
        },
      }
    : { path: "/api/v1/renders", kind: "renders", body: { scene_id: key.sceneId, ratios: RATIOS } };
}

/**
 * The same POSTs one at a time from one key, nothing else running (no browsing, no workers): the endpoints' own
 * cost on this machine, apart from the load of the main phase. Their outputs are cancelled again (not counted).
 */
async function alone(server: BenchServer, key: Key) {
  const posts: { kind: string; ms: number; timing: Record<string, number> }[] = [];
  for (let i = 0; i < ALONE_POSTS; i++) {
    const { path, kind, body } = postBody(key, i, i);
    const res = await api(server, key.secret, path, body);
    if (res.status !== 202) throw new Error(`alone POST failed: ${JSON.stringify(res.json)}`);
    posts.push({ kind, ms: res.ms, timing: res.timing });
    const ids: string[] = kind === "renders" ? [res.json.id] : res.json.renders.map((r: { id: string }) => r.id);
    for (const id of ids) await api(server, key.secret, `/api/v1/renders/${id}/cancel`, {});
  }
  const byKind = (kind: string) => latency(posts.filter((p) => p.kind === kind).map((p) => p.ms));
  return {
    posts: posts.length,
    latencyMs: latency(posts.map((p) => p.ms)),
    latencyMsByEndpoint: {
      "POST /api/v1/renders": byKind("renders"),
      "POST /api/v1/render-groups": byKind("render-groups"),
    },
    serverTimingMs: spans(posts.map((p) => p.timing)),
  };
}

async function setup(server: BenchServer, db: Client, receiverPort: number, secrets: Map<string, string>) {
  const accounts: Account[] = [];
  for (let i = 0; i < USERS; i += 5) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(5, USERS - i) }, () => signedInAccount(server.baseUrl)),
    );
    for (const a of batch)
      accounts.push({
        ...a,
        cookie: (await a.api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; "),
      });
  }
  const keys: Key[] = [];
  for (const [i, a] of accounts.slice(0, KEYS).entries()) {
    // A key as Settings makes it (hashed, prefixed); written directly because Settings makes keys in a server action.
    const { key, hash, prefix } = generateApiKey("test");
    await db.query(
      `insert into api_keys (id, workspace_id, name, mode, scopes, prefix, secret_hash, created_by)
       values ($1, $2, 'bench', 'test', '["read","render"]', $3, $4, $5)`,
      [`key_bench_${i}`, a.workspaceId, prefix, hash, a.userId],
    );
    const path = `/hooks/${i}`;
    const hook = await a.api.post("/api/webhooks", {
      data: { url: `http://127.0.0.1:${receiverPort}${path}`, events: EVENTS },
    });
    if (hook.status() !== 201) throw new Error(`webhook endpoint failed: ${await hook.text()}`);
    const webhookSecret = (await hook.json()).secret as string;
    secrets.set(path, webhookSecret);
    const scene = await api(server, key, "/api/v1/scenes", {
      template_id: TEMPLATES[i % TEMPLATES.length],
      product_id: PRODUCTS[i % PRODUCTS.length],
    });
    if (scene.status !== 201) throw new Error(`scene failed: ${JSON.stringify(scene.json)}`);
    keys.push({ secret: key, workspaceId: a.workspaceId, sceneId: scene.json.id, webhookSecret });
  }
  await Promise.all(accounts.map((a) => a.api.dispose()));
  return { accounts, keys };
}

async function startWorkers(server: BenchServer, n: number) {
  const procs = Array.from({ length: n }, () => startBenchWorker(server));
  const readyBy = Date.now() + 180_000;
  while (!procs.every((w) => w.log().includes("[worker] ready"))) {
    if (Date.now() > readyBy || procs.some((w) => w.child.exitCode !== null))
      throw new Error(`workers did not start:\n${procs.map((w) => w.log().slice(-1500)).join("\n")}`);
    await sleep(250);
  }
  return procs;
}

/** One batch of the four ratios alone on the queue: bench:render's single-batch measure, with these outputs. */
async function singleBatch(server: BenchServer, key: Key) {
  const procs = await startWorkers(server, WORKERS);
  try {
    const t0 = Date.now();
    const made = await api(server, key.secret, "/api/v1/renders", { scene_id: key.sceneId, ratios: RATIOS });
    if (made.status !== 202) throw new Error(`single batch failed: ${JSON.stringify(made.json)}`);
    for (;;) {
      const s = await api(server, key.secret, `/api/v1/renders/${made.json.id}`);
      if (!["queued", "rendering"].includes(s.json.status)) {
        const ms = Date.now() - t0;
        return {
          workers: WORKERS,
          outputs: RATIOS.length,
          status: s.json.status,
          totalMs: ms,
          outputsPerMinute: round((RATIOS.length / ms) * 60_000),
          renderId: made.json.id as string,
        };
      }
      await sleep(100);
    }
  } finally {
    await Promise.all(procs.map((w) => w.stop()));
  }
}

/** Every key posts its share (one in flight each) while every user browses; both stop when the posts are done. */
async function postWhileBrowsing(server: BenchServer, keys: Key[], accounts: Account[]) {
  const posts: { kind: string; ms: number; status: number; timing: Record<string, number> }[] = [];
  const created: { renderIds: string[]; groupIds: string[]; outputs: number } = {
    renderIds: [],
    groupIds: [],
    outputs: 0,
  };
  const browse: number[] = [];
  const browseErrors: Record<string, number> = {};
  let posting = true;
  let next = 0;
  const cpuBefore = serverCpuSeconds(server.pid);
  const started = Date.now();

  const poster = async (key: Key, k: number) => {
    for (let n = 0; ; n++) {
      const i = next++;
      if (i >= POSTS) return;
      const { path, kind, body } = postBody(key, i + k, n);
      const group = kind === "render-groups";
      const res = await api(server, key.secret, path, body);
      posts.push({ kind, ms: res.ms, status: res.status, timing: res.timing });
      if (res.status !== 202) {
        log("POST", res.status, JSON.stringify(res.json).slice(0, 200));
        continue;
      }
      if (group) {
        created.groupIds.push(res.json.id);
        created.renderIds.push(...res.json.renders.map((r: { id: string }) => r.id));
        created.outputs += res.json.outputs.total;
      } else {
        created.renderIds.push(res.json.id);
        created.outputs += res.json.outputs.length;
      }
    }
  };
  const browser = async (a: Account, u: number) => {
    for (let n = u; posting; n++) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${server.baseUrl}${BROWSE_PAGES[n % BROWSE_PAGES.length]}`, {
          headers: { cookie: a.cookie },
          redirect: "manual",
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        if (res.status !== 200) browseErrors[String(res.status)] = (browseErrors[String(res.status)] ?? 0) + 1;
        else browse.push(performance.now() - t0);
      } catch (err) {
        const name = (err as Error).name;
        browseErrors[name] = (browseErrors[name] ?? 0) + 1;
      }
    }
  };
  const browsing = Promise.all(accounts.map(browser));
  await Promise.all(keys.map(poster));
  posting = false;
  await browsing;
  const seconds = (Date.now() - started) / 1000;
  const cpuAfter = serverCpuSeconds(server.pid);
  const ok = posts.filter((p) => p.status === 202);
  const byKind = (kind: string) => latency(ok.filter((p) => p.kind === kind).map((p) => p.ms));
  return {
    created,
    result: {
      posts: posts.length,
      seconds: round(seconds),
      postsPerSecond: round(posts.length / seconds),
      latencyMs: latency(ok.map((p) => p.ms)),
      latencyMsByEndpoint: {
        "POST /api/v1/renders": byKind("renders"),
        "POST /api/v1/render-groups": byKind("render-groups"),
      },
      serverTimingMs: spans(ok.map((p) => p.timing)),
      status5xx: posts.filter((p) => p.status >= 500).length,
      statusOther: posts.filter((p) => p.status !== 202 && p.status < 500).length,
      serverCpuMsPerPost: {
        // Web process and Postgres together, browsing included: what the machine spent per POST in this phase.
        web: round(((cpuAfter.web - cpuBefore.web) * 1000) / posts.length),
        db: round(((cpuAfter.db - cpuBefore.db) * 1000) / posts.length),
      },
      browse: {
        users: accounts.length,
        pages: BROWSE_PAGES,
        requests: browse.length,
        latencyMs: latency(browse),
        errors: Object.values(browseErrors).reduce((s, n) => s + n, 0),
        ...(Object.keys(browseErrors).length ? { errorsByKind: browseErrors } : {}),
      },
    },
  };
}

async function outputCounts(db: Client, renderIds: string[]) {
  const { rows } = await db.query(
    `select count(*) filter (where status = 'done')::int as done, count(*) filter (where status = 'failed')::int as failed,
       count(*) filter (where status in ('queued', 'rendering'))::int as open, count(*)::int as total
     from render_outputs where batch_id = any($1)`,
    [renderIds],
  );
  return rows[0] as { done: number; failed: number; open: number; total: number };
}

/**
 * While the workers render (Chromium on 2 cores), one POST a second from the probe key (its outputs cancelled at
 * once, so they take nothing from the queue) and one signed-in page: whether the API and the UI stay quick while
 * renders queue (RENDER_WORKER_NICE lowers the workers' priority for that).
 */
function probeWhileRendering(server: BenchServer, probe: Key, user: Account) {
  const posts: number[] = [];
  const pages: number[] = [];
  let errors = 0;
  let running = true;
  const done = (async () => {
    for (let i = 0; running; i++) {
      const t0 = Date.now();
      const { path, body } = postBody(probe, 0, i);
      const res = await api(server, probe.secret, path, body);
      if (res.status === 202) {
        posts.push(res.ms);
        await api(server, probe.secret, `/api/v1/renders/${res.json.id}/cancel`, {});
      } else errors++;
      const p0 = performance.now();
      const page = await fetch(`${server.baseUrl}${BROWSE_PAGES[i % BROWSE_PAGES.length]}`, {
        headers: { cookie: user.cookie },
        redirect: "manual",
        signal: AbortSignal.timeout(30_000),
      }).catch(() => null);
      await page?.arrayBuffer();
      if (page?.status === 200) pages.push(performance.now() - p0);
      else errors++;
      await sleep(Math.max(0, 1000 - (Date.now() - t0)));
    }
  })();
  return async () => {
    running = false;
    await done;
    return {
      posts: posts.length,
      postLatencyMs: latency(posts),
      pages: pages.length,
      pageLatencyMs: latency(pages),
      errors,
    };
  };
}

/** Workers drain the queue for at most WINDOW_S; the rest is cancelled so every event can be counted. */
async function drainQueue(
  server: BenchServer,
  db: Client,
  keys: Key[],
  renderIds: string[],
  ownerOf: Map<string, Key>,
  probe: { key: Key; user: Account },
) {
  const procs = await startWorkers(server, WORKERS);
  const cpu0 = procs.map((w) => w.cpuSeconds());
  const t0 = Date.now();
  const stopProbe = probeWhileRendering(server, probe.key, probe.user);
  let counts = await outputCounts(db, renderIds);
  while (counts.open > 0 && Date.now() - t0 < WINDOW_S * 1000) {
    await sleep(2000);
    counts = await outputCounts(db, renderIds);
    log("queue", counts, Math.round((Date.now() - t0) / 1000), "s");
  }
  const seconds = (Date.now() - t0) / 1000;
  const whileRendering = await stopProbe();
  const workerCpuSeconds = round(
    procs.reduce((sum, w, i) => sum + w.cpuSeconds() - cpu0[i], 0),
    1,
  );
  const inWindow = { ...counts };
  let cancelled = 0;
  if (counts.open > 0) {
    const { rows } = await db.query(
      `select distinct batch_id from render_outputs where batch_id = any($1) and status in ('queued', 'rendering')`,
      [renderIds],
    );
    for (const { batch_id } of rows as { batch_id: string }[]) {
      const res = await api(server, ownerOf.get(batch_id)!.secret, `/api/v1/renders/${batch_id}/cancel`, {});
      if (res.status === 200) cancelled += res.json.cancelled;
    }
  }
  // Deliveries drain (the workers send them), up to DRAIN_S: a full run's cancel pass ends ~1,000 events at once,
  // and 120 s left 88 of 1,469 pending on this 2-core machine. How long it took, and what was left, is reported.
  const drainStarted = Date.now();
  const until = drainStarted + DRAIN_S * 1000;
  let pending = 0;
  for (;;) {
    const { rows } = await db.query(
      `select count(*) filter (where d.status = 'pending')::int as pending from webhook_deliveries d
       where d.workspace_id = any($1)`,
      [keys.map((k) => k.workspaceId)],
    );
    pending = rows[0].pending;
    if (pending === 0 || Date.now() > until) break;
    await sleep(1000);
  }
  const webhookDrain = {
    boundSeconds: DRAIN_S,
    seconds: round((Date.now() - drainStarted) / 1000),
    pendingAtEnd: pending,
  };
  log("webhook drain", webhookDrain);
  await Promise.all(procs.map((w) => w.stop()));
  return {
    workerNice: process.env.RENDER_WORKER_NICE ?? "10 (default)",
    workerCpuSecondsInWindow: workerCpuSeconds,
    whileRendering,
    webhookDrain,
    workers: WORKERS,
    windowSeconds: WINDOW_S,
    seconds: round(seconds),
    doneInWindow: inWindow.done,
    failedInWindow: inWindow.failed,
    leftAtWindowEnd: inWindow.open,
    cancelledAfterWindow: cancelled,
    outputsPerMinute: round((inWindow.done / seconds) * 60),
    peakWorkerRssMb: procs.map((w) => w.peakRssMb()),
  };
}

/** The outbox against the receiver: every event of these workspaces delivered, each exactly once. */
async function webhookCheck(db: Client, keys: Key[], receiver: ReturnType<typeof startReceiver>) {
  const ws = keys.map((k) => k.workspaceId);
  const { rows: events } = await db.query(
    `select type, count(*)::int as n from webhook_events where workspace_id = any($1) group by type order by type`,
    [ws],
  );
  const { rows: deliveries } = await db.query(
    `select status, count(*)::int as n from webhook_deliveries where workspace_id = any($1) group by status`,
    [ws],
  );
  const { rows: ended } = await db.query(
    `select (select count(*)::int from render_outputs where workspace_id = any($1) and status in ('done','failed')) as outputs,
       (select count(*)::int from render_batches b where workspace_id = any($1) and not exists
         (select 1 from render_outputs o where o.batch_id = b.id and o.status in ('queued','rendering'))) as batches,
       (select count(*)::int from render_groups where workspace_id = any($1)) as groups`,
    [ws],
  );
  const outbox = Object.fromEntries(events.map((r) => [r.type, r.n]));
  const got = receiver.stats();
  const expected = {
    "render.completed + render.failed": ended[0].outputs,
    "batch.completed": ended[0].batches,
    "render_group.completed": ended[0].groups,
  };
  const outboxTotal = Object.values(outbox).reduce((s: number, n) => s + (n as number), 0);
  return {
    outboxEvents: outbox,
    expectedFromRows: expected,
    deliveriesByStatus: Object.fromEntries(deliveries.map((r) => [r.status, r.n])),
    receiver: got,
    everyEventOnce:
      got.uniqueEvents === outboxTotal &&
      got.duplicates === 0 &&
      got.badSignatures === 0 &&
      (outbox["render.completed"] ?? 0) + (outbox["render.failed"] ?? 0) ===
        expected["render.completed + render.failed"] &&
      (outbox["batch.completed"] ?? 0) === expected["batch.completed"] &&
      (outbox["render_group.completed"] ?? 0) === expected["render_group.completed"],
  };
}

async function main() {
  process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = "1"; // the receiver is on loopback; the server and workers inherit it
  const started = Date.now();
  const secrets = new Map<string, string>();
  const receiver = startReceiver(secrets);
  const receiverPort = await receiver.listen();
  const server = await startBenchServer(
    Number(process.env.BENCH_PORT ?? 3290),
    Number(process.env.BENCH_PG_PORT ?? 54490),
    {
      SIGNUP_MAX_PER_IP_PER_HOUR: "100000",
      SIGNIN_MAX_FAILURES_PER_IP: "100000",
    },
  );
  log("server up", server.baseUrl);
  const db = new Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    const { accounts, keys } = await setup(server, db, receiverPort, secrets);
    log("setup", accounts.length, "users,", keys.length, "keys");
    const postAlone = await alone(server, keys[keys.length - 1]);
    log("alone", postAlone.latencyMs, postAlone.serverTimingMs);
    const single = await singleBatch(server, keys[0]);
    log("single batch", single);
    const { created, result: posting } = await postWhileBrowsing(server, keys, accounts);
    log("posts", posting.latencyMs, "5xx", posting.status5xx);
    const rows = await outputCounts(db, created.renderIds);
    const { rows: owners } = await db.query(`select b.id, b.workspace_id from render_batches b where b.id = any($1)`, [
      created.renderIds,
    ]);
    const byWs = new Map(keys.map((k) => [k.workspaceId, k]));
    const ownerOf = new Map(owners.map((r) => [r.id as string, byWs.get(r.workspace_id)!]));
    const queue = await drainQueue(server, db, keys, created.renderIds, ownerOf, {
      key: keys[keys.length - 1],
      user: accounts[accounts.length - 1],
    });
    log("queue", queue);
    const webhooks = await webhookCheck(db, keys, receiver);
    const result = {
      machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((n) => round(n, 2)) },
      mode: QUICK ? "quick" : "full",
      keys: KEYS,
      keyMode: "test (free 512 px watermarked Drafts)",
      users: USERS,
      // The web server's page-render limit (lib/http/page-gate.ts): API answers go first while people browse.
      webPageConcurrency: process.env.WEB_PAGE_CONCURRENCY ?? "0 (default: no limit)",
      webPageProcesses: process.env.WEB_PAGE_PROCESSES ?? "one per core (default)",
      outputsRequested: POSTS * RATIOS.length,
      outputsAnswered: created.outputs,
      outputsInDatabase: rows.total,
      lost: POSTS * RATIOS.length - rows.total,
      renders: created.renderIds.length,
      groups: created.groupIds.length,
      postAlone,
      post: posting,
      singleBatch: single,
      queue: {
        ...queue,
        vsSingleBatch: single.outputsPerMinute
          ? round((queue.outputsPerMinute ?? 0) / single.outputsPerMinute, 2)
          : null,
        note:
          queue.leftAtWindowEnd > 0
            ? `Workers ran ${queue.windowSeconds} s (bounded window, ${WORKERS} workers, ${os.cpus().length} cores); ` +
              `the ${queue.leftAtWindowEnd} outputs left were cancelled through the API so every event could be counted.`
            : "Every output was rendered within the window.",
      },
      webhooks,
      targets: { postP95Ms: 100, status5xx: 0, lost: 0, everyEventOnce: true },
      benchWallSeconds: round((Date.now() - started) / 1000),
    };
    console.log(JSON.stringify(result, null, 2));
    if (posting.status5xx || result.lost || !webhooks.everyEventOnce || queue.webhookDrain.pendingAtEnd > 0)
      process.exitCode = 1;
  } finally {
    await db.end();
    await server.stop();
    await receiver.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
