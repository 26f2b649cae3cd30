/**
 * `npm run bench:load`: load on a throwaway production server on this machine (loopback only).
 *  1. PAGES: USERS signed-in users (one request in flight each) fetch one page at a time for PAGE_SECONDS each:
 *     the public landing page (the framework's ceiling on this machine), then Products, Templates, Renders and the
 *     editor page of a seeded workspace (products, a scene, finished exports), then Renders of one workspace with
 *     MANY_OUTPUTS outputs that every user is a member of. Per page: req/s, p50/p95/p99, errors, and its throughput
 *     as a share of the landing page's, and the server's CPU milliseconds per request (web process and Postgres),
 *     which a busy shared machine distorts far less than latency.
 *  2. RENDER: 200 outputs queued at once by 10 users (small draft outputs), rendered by 1 and
 *     then by 2 workers: total time, outputs/min, lost outputs, queue latency p95
 *     (render_outputs.started_at - created_at, read from Postgres). WORKER_COUNTS="" skips it.
 * Env: USERS (50), PAGE_SECONDS (20), WARMUP_REQUESTS (2 per user, not measured), PAGES (all, e.g. "landing,renders"), SEED_PRODUCTS (6),
 *      SEED_BATCHES (10), SEED_OUTPUTS_PER_BATCH (6), MANY_OUTPUTS (2000; 0 skips), RENDER_USERS (10),
 *      RENDER_OUTPUTS (200), RENDER_PX (128), BENCH_PORT (3282), BENCH_PG_PORT (54482), WORKER_COUNTS ("1,2"),
 *      BENCH_NODE_ARGS (extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import { Client } from "pg";
import { serverCpuSeconds, startBenchServer, startBenchWorker, type BenchServer } from "./lib/server";
import { createScene, exportBatch, signedInAccount, signedInClient, waitForBatches } from "./lib/client";
import { addMembers, seedWorkspace } from "./lib/seed-pages";

const USERS = Number(process.env.USERS ?? process.env.LOAD_USERS ?? 50);
const PAGE_SECONDS = Number(process.env.PAGE_SECONDS ?? process.env.LOAD_SECONDS ?? 20);
const WARMUP_REQUESTS = Number(process.env.WARMUP_REQUESTS ?? 2);
const MANY_OUTPUTS = Number(process.env.MANY_OUTPUTS ?? 2000);
const SEED = {
  products: Number(process.env.SEED_PRODUCTS ?? 6),
  batches: Number(process.env.SEED_BATCHES ?? 10),
  outputsPerBatch: Number(process.env.SEED_OUTPUTS_PER_BATCH ?? 6),
};
const RENDER_USERS = Number(process.env.RENDER_USERS ?? 10);
const RENDER_OUTPUTS = Number(process.env.RENDER_OUTPUTS ?? 200);
const PX = Number(process.env.RENDER_PX ?? 128);
const WORKER_COUNTS = (process.env.WORKER_COUNTS ?? "1,2").split(",").filter(Boolean).map(Number);
const ALL_PAGES = ["landing", "products", "templates", "renders", "editor", "renders-many"] as const;
type PageName = (typeof ALL_PAGES)[number];
const PAGES = (process.env.PAGES?.split(",") ?? ALL_PAGES).filter((p): p is PageName =>
  (ALL_PAGES as readonly string[]).includes(p),
);

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
const round = (n: number | null, d = 1) => (n === null ? null : Math.round(n * 10 ** d) / 10 ** d);

type Visitor = { url: string; cookie: string | null };

/** USERS signed-in users, each with a seeded workspace and one scene, plus one big shared workspace. */
async function prepareUsers(server: BenchServer) {
  const accounts: Awaited<ReturnType<typeof signedInAccount>>[] = [];
  for (let i = 0; i < USERS; i += 10) {
    accounts.push(
      ...(await Promise.all(Array.from({ length: Math.min(10, USERS - i) }, () => signedInAccount(server.baseUrl)))),
    );
  }
  const sceneIds = await Promise.all(accounts.map(({ api }) => createScene(api, "sample_kraft-box")));
  const cookies = await Promise.all(
    accounts.map(async ({ api }) => (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ")),
  );
  await Promise.all(accounts.map(({ api }) => api.dispose()));
  const db = new Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    for (const [i, { workspaceId }] of accounts.entries()) await seedWorkspace(db, workspaceId, SEED, `b${i}`);
    // The busy team: everyone is a member of the first user's workspace, which holds MANY_OUTPUTS outputs.
    const shared = accounts[0].workspaceId;
    if (MANY_OUTPUTS > 0) {
      const perBatch = 10;
      await seedWorkspace(
        db,
        shared,
        { products: 0, batches: Math.ceil(MANY_OUTPUTS / perBatch), outputsPerBatch: perBatch },
        "many",
      );
      await addMembers(
        db,
        shared,
        accounts.slice(1).map((a) => a.userId),
      );
    }
    await db.query("analyze");
  } finally {
    await db.end();
  }
  const visitors = (page: PageName): Visitor[] =>
    accounts.map((_, u) => {
      const cookie = cookies[u];
      switch (page) {
        case "landing":
          return { url: "/", cookie: null };
        case "editor":
          return { url: `/scenes/${sceneIds[u]}`, cookie };
        case "renders-many":
          return { url: "/renders", cookie: `${cookie}; plinth_ws=${accounts[0].workspaceId}` };
        default:
          return { url: `/${page}`, cookie };
      }
    });
  return visitors;
}

/** Every visitor fetches its URL in a loop (one request in flight each) for `seconds`. */
async function hammer(server: BenchServer, visitors: Visitor[], seconds: number) {
  const cpuBefore = serverCpuSeconds(server.pid);
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const started = Date.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    visitors.map(async ({ url, cookie }) => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        try {
          const res = await fetch(`${server.baseUrl}${url}`, {
            headers: cookie ? { cookie } : {},
            redirect: "manual",
            signal: AbortSignal.timeout(30_000),
          });
          await res.arrayBuffer();
          if (res.status !== 200) errors[String(res.status)] = (errors[String(res.status)] ?? 0) + 1;
          else latencies.push(performance.now() - t0);
        } catch (err) {
          const key = (err as Error).name;
          errors[key] = (errors[key] ?? 0) + 1;
        }
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  const cpuAfter = serverCpuSeconds(server.pid);
  latencies.sort((a, b) => a - b);
  const perRequestMs = (s: number) => (latencies.length ? round((s * 1000) / latencies.length) : null);
  return {
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / elapsed),
    // CPU per request of the web process and of Postgres: what a page costs, whatever else runs on the machine.
    cpuMsPerRequest: {
      web: perRequestMs(cpuAfter.web - cpuBefore.web),
      db: perRequestMs(cpuAfter.db - cpuBefore.db),
    },
    latencyMs: {
      p50: round(pct(latencies, 50)),
      p95: round(pct(latencies, 95)),
      p99: round(pct(latencies, 99)),
      max: round(latencies.at(-1) ?? null),
    },
    errors: Object.values(errors).reduce((s, n) => s + n, 0),
    ...(Object.keys(errors).length ? { errorsByKind: errors } : {}),
  };
}

async function pages(server: BenchServer) {
  const visitors = await prepareUsers(server);
  const result: Record<string, Awaited<ReturnType<typeof hammer>> & { url: string; ratioToLanding?: number | null }> =
    {};
  for (const page of PAGES) {
    if (page === "renders-many" && MANY_OUTPUTS <= 0) continue;
    const list = visitors(page);
    // Warm-up, not measured: the route's code loaded and compiled, the database's caches filled.
    await Promise.all(
      list.map(async ({ url, cookie }) => {
        for (let i = 0; i < WARMUP_REQUESTS; i++)
          await fetch(`${server.baseUrl}${url}`, { headers: cookie ? { cookie } : {}, redirect: "manual" }).then((r) =>
            r.arrayBuffer(),
          );
      }),
    );
    // The measured window on the monotonic clock, in microseconds: the same clock as the timestamps of a
    // --cpu-prof profile (BENCH_NODE_ARGS), so a profile can be cut per page (bench/cpuprofile-summary.ts).
    const from = process.hrtime.bigint() / 1000n;
    result[page] = { url: list[0].url, ...(await hammer(server, list, PAGE_SECONDS)) };
    console.error(
      `[bench] page ${page} window ${from} ${process.hrtime.bigint() / 1000n} requests ${result[page].requests}`,
    );
  }
  const landing = result.landing?.requestsPerSecond;
  for (const r of Object.values(result))
    r.ratioToLanding = landing ? round((r.requestsPerSecond ?? 0) / landing, 2) : null;
  return {
    users: USERS,
    secondsPerPage: PAGE_SECONDS,
    seed: { ...SEED, manyOutputs: MANY_OUTPUTS },
    pages: result,
  };
}

async function renderRun(server: BenchServer, workers: number) {
  const procs = Array.from({ length: workers }, () => startBenchWorker(server));
  const readyBy = Date.now() + 180_000;
  while (!procs.every((w) => w.log().includes("[worker] ready"))) {
    if (Date.now() > readyBy || procs.some((w) => w.child.exitCode !== null))
      throw new Error(`workers did not start:\n${procs.map((w) => w.log().slice(-1500)).join("\n")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    const users = await Promise.all(Array.from({ length: RENDER_USERS }, () => signedInClient(server.baseUrl)));
    const perUser = Math.ceil(RENDER_OUTPUTS / RENDER_USERS);
    const plans = await Promise.all(
      users.map(async (api, u) => {
        const count = Math.min(perUser, RENDER_OUTPUTS - u * perUser);
        const batches: { sceneId: string; n: number }[] = [];
        for (let left = count; left > 0; left -= 10)
          batches.push({ sceneId: await createScene(api, "sample_kraft-box"), n: Math.min(10, left) });
        return { api, batches };
      }),
    );
    const t0 = Date.now();
    // Everything queued at once.
    const queued = await Promise.all(
      plans.flatMap(({ api, batches }) =>
        batches.map(async ({ sceneId, n }) => ({
          api,
          batchId: await exportBatch(
            api,
            sceneId,
            Array.from({ length: n }, (_, i) => ({ label: `o${i}`, width: PX, height: PX })),
            "draft",
          ),
        })),
      ),
    );
    const queuedMs = Date.now() - t0;
    const outputs = (
      await Promise.all(
        users.map((api) =>
          waitForBatches(
            api,
            queued.filter((q) => q.api === api).map((q) => q.batchId),
            1_800_000,
          ),
        ),
      )
    ).flat();
    const totalS = (Date.now() - t0) / 1000;
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    const batchIds = queued.map((q) => q.batchId);
    const { rows } = await db.query(
      `select status, extract(epoch from (started_at - created_at)) * 1000 as queue_ms, render_ms, attempts from render_outputs where batch_id = any($1)`,
      [batchIds],
    );
    await db.end();
    const queueMs = rows.map((r) => Number(r.queue_ms)).sort((a, b) => a - b);
    const renderMs = rows
      .map((r) => Number(r.render_ms))
      .filter((n) => n > 0)
      .sort((a, b) => a - b);
    await Promise.all(users.map((u) => u.dispose()));
    return {
      workers,
      outputs: RENDER_OUTPUTS,
      size: `${PX}x${PX}`,
      quality: "draft",
      batches: batchIds.length,
      queueAllMs: queuedMs,
      totalSeconds: round(totalS),
      outputsPerMinute: round((outputs.length / totalS) * 60),
      done: rows.filter((r) => r.status === "done").length,
      lost: RENDER_OUTPUTS - rows.filter((r) => r.status === "done").length,
      retried: rows.filter((r) => Number(r.attempts) > 1).length,
      queueLatencyMs: {
        p50: round(pct(queueMs, 50), 0),
        p95: round(pct(queueMs, 95), 0),
        max: round(queueMs.at(-1) ?? null, 0),
      },
      renderMs: { p50: pct(renderMs, 50), p95: pct(renderMs, 95) },
      peakWorkerRssMb: procs.map((w) => w.peakRssMb()),
    };
  } finally {
    await Promise.all(procs.map((w) => w.stop()));
  }
}

async function main() {
  const port = Number(process.env.BENCH_PORT ?? 3282);
  const pgPort = Number(process.env.BENCH_PG_PORT ?? 54482);
  const server = await startBenchServer(port, pgPort, {
    SIGNIN_MAX_FAILURES_PER_IP: "100000",
    SIGNUP_MAX_PER_IP_PER_HOUR: "100000",
  });
  const result: Record<string, unknown> = {
    machine: {
      cpus: (await import("node:os")).cpus().length,
      node: process.version,
      loadAverage: (await import("node:os")).loadavg().map((n) => round(n, 2)),
    },
  };
  try {
    result.browse = await pages(server);
    result.render = [];
    for (const n of WORKER_COUNTS) (result.render as unknown[]).push(await renderRun(server, n));
  } finally {
    await server.stop();
  }
  console.log(JSON.stringify(result, null, 2));
  const browseErrors = Object.values((result.browse as Awaited<ReturnType<typeof pages>>).pages).reduce(
    (s, p) => s + p.errors,
    0,
  );
  const lost = (result.render as { lost: number }[]).reduce((s, r) => s + r.lost, 0);
  if (browseErrors || lost) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
