/**
 * `npm run bench:load`: load on a throwaway production server on this machine (loopback only).
 *  1. BROWSE: 50 signed-in users fetch the products, templates and renders pages for 60 s
 *     (a bounded loop with fetch, one request in flight per user): req/s, p50/p95/p99, errors.
 *  2. RENDER: 200 outputs queued at once by 10 users (small draft outputs), rendered by 1 and
 *     then by 2 workers: total time, outputs/min, lost outputs, queue latency p95
 *     (render_outputs.started_at - created_at, read from Postgres).
 * Env: LOAD_USERS (50), LOAD_SECONDS (60), RENDER_USERS (10), RENDER_OUTPUTS (200), RENDER_PX (128),
 *      BENCH_PORT (3282), BENCH_PG_PORT (54482), WORKER_COUNTS ("1,2").
 */
import { Client } from "pg";
import { startBenchServer, startBenchWorker, type BenchServer } from "./lib/server";
import { createScene, exportBatch, signedInClient, waitForBatches } from "./lib/client";

const USERS = Number(process.env.LOAD_USERS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const RENDER_USERS = Number(process.env.RENDER_USERS ?? 10);
const RENDER_OUTPUTS = Number(process.env.RENDER_OUTPUTS ?? 200);
const PX = Number(process.env.RENDER_PX ?? 128);
const WORKER_COUNTS = (process.env.WORKER_COUNTS ?? "1,2").split(",").map(Number);
const PAGES = ["/products", "/templates", "/renders"];

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
const round = (n: number | null, d = 1) => (n === null ? null : Math.round(n * 10 ** d) / 10 ** d);

async function cookieHeader(api: Awaited<ReturnType<typeof signedInClient>>): Promise<string> {
  return (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

async function browse(server: BenchServer) {
  const users = [];
  for (let i = 0; i < USERS; i += 10) {
    users.push(
      ...(await Promise.all(Array.from({ length: Math.min(10, USERS - i) }, () => signedInClient(server.baseUrl)))),
    );
  }
  const cookies = await Promise.all(users.map(cookieHeader));
  await Promise.all(users.map((u) => u.dispose()));
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const byPage: Record<string, number[]> = Object.fromEntries(PAGES.map((p) => [p, []]));
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    cookies.map(async (cookie, u) => {
      for (let n = u; Date.now() < deadline; n++) {
        const page = PAGES[n % PAGES.length];
        const t0 = performance.now();
        try {
          const res = await fetch(`${server.baseUrl}${page}`, {
            headers: { cookie },
            redirect: "manual",
            signal: AbortSignal.timeout(30_000),
          });
          await res.arrayBuffer();
          const ms = performance.now() - t0;
          if (res.status !== 200) errors[`${page} ${res.status}`] = (errors[`${page} ${res.status}`] ?? 0) + 1;
          latencies.push(ms);
          byPage[page].push(ms);
        } catch (err) {
          const key = `${page} ${(err as Error).name}`;
          errors[key] = (errors[key] ?? 0) + 1;
        }
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    users: USERS,
    seconds: round(elapsed),
    pages: PAGES,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / elapsed),
    latencyMs: {
      p50: round(pct(latencies, 50)),
      p95: round(pct(latencies, 95)),
      p99: round(pct(latencies, 99)),
      max: round(latencies.at(-1) ?? null),
    },
    p95ByPageMs: Object.fromEntries(
      Object.entries(byPage).map(([p, l]) => [
        p,
        round(
          pct(
            l.sort((a, b) => a - b),
            95,
          ),
        ),
      ]),
    ),
    errors: Object.values(errors).reduce((s, n) => s + n, 0),
    errorsByKind: errors,
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
    machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
  };
  try {
    result.browse = await browse(server);
    result.render = [];
    for (const n of WORKER_COUNTS) (result.render as unknown[]).push(await renderRun(server, n));
  } finally {
    await server.stop();
  }
  console.log(JSON.stringify(result, null, 2));
  const browseErrors = (result.browse as { errors: number }).errors;
  const lost = (result.render as { lost: number }[]).reduce((s, r) => s + r.lost, 0);
  if (browseErrors || lost) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
