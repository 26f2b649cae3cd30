import { processTree } from "../../worker/browser-memory";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type BenchServer = {
  /** The web server's process (Next.js runs in it; the embedded Postgres is its child). */
  pid: number;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string;
  secret: string;
  stop: () => Promise<void>;
};

const ROOT = path.resolve(__dirname, "..", "..");

/** A throwaway Plinth (own data folder, embedded Postgres, no workers) for one benchmark run. */
export async function startBenchServer(
  port: number,
  pgPort: number,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-bench-"));
  fs.chmodSync(dataDir, 0o755);
  const baseUrl = `http://localhost:${port}`;
  if (
    await fetch(`${baseUrl}/`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`port ${port} is already in use (a bench server left from an earlier run?)`);
  // BENCH_NODE_ARGS: extra flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile a run.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      APP_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      RENDER_WORKERS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const until = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bench server exited:\n${log.slice(-2000)}`);
    const ok = await fetch(`${baseUrl}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) throw new Error("bench server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    pid: child.pid!,
    baseUrl,
    dataDir,
    databaseUrl: `postgres://plinth:${encodeURIComponent(fs.readFileSync(path.join(dataDir, "pg-password"), "utf8").trim())}@127.0.0.1:${pgPort}/plinth`,
    secret: fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim(),
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A render worker process against the bench server; RSS sampled over its whole process tree (Chromium included). */
export function startBenchWorker(server: BenchServer, env: Record<string, string> = {}) {
  // BENCH_WORKER_NODE_ARGS: node flags for the worker alone (e.g. "--cpu-prof --cpu-prof-dir=DIR" for a profile).
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "worker/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: server.dataDir,
      DATABASE_URL: server.databaseUrl,
      RENDER_APP_URL: server.baseUrl,
      NEXTAUTH_SECRET: server.secret,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"], // the worker exits when this process goes away,
  });
  let log = "";
  // BENCH_VERBOSE=1 passes the worker's own log (RENDER_TIMING=1 phase timings included) to stderr.
  const echo = process.env.BENCH_VERBOSE === "1" ? (d: Buffer) => process.stderr.write(d) : () => {};
  child.stdout?.on("data", (d) => ((log += d), echo(d)));
  child.stderr?.on("data", (d) => ((log += d), echo(d)));
  let peakRss = 0;
  let overallPeak = 0;
  // Every 10 s, the tree's memory then: shows whether a long video's memory grows with its length.
  const timeline: { s: number; mb: number }[] = [];
  const started = Date.now();
  let lastMark = 0;
  const sampler = setInterval(() => {
    const rss = treeRss(child.pid!);
    peakRss = Math.max(peakRss, rss);
    if (Date.now() - lastMark >= 10_000) {
      lastMark = Date.now();
      timeline.push({ s: Math.round((lastMark - started) / 1000), mb: Math.round(rss / 1024 / 1024) });
    }
  }, 200);
  return {
    child,
    log: () => log,
    peakRssMb: () => Math.round(peakRss / 1024 / 1024),
    /** Starts a new peak (per benchmark run); the whole run's peak is kept in `overallPeakRssMb`. */
    resetPeak: () => {
      overallPeak = Math.max(overallPeak, peakRss);
      peakRss = 0;
    },
    overallPeakRssMb: () => Math.round(Math.max(overallPeak, peakRss) / 1024 / 1024),
    /** The tree's memory every 10 s since `from` (ms since the epoch). */
    rssTimeline: (from = 0) => timeline.filter((t) => started + t.s * 1000 >= from),
    /** CPU seconds the worker and its children (Chromium's GPU, renderer and utility processes) have used. */
    pid: child.pid!,
    cpuSeconds: () => treeCpuSeconds(child.pid!),
    glBackend: () => /WebGL on (\w+)/.exec(log)?.[1] ?? "unknown",
    async stop() {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A process and its living descendants: the worker's own reading of /proc (worker/browser-memory.ts). */
export { processTree };

/** PSS of a process and its descendants (bytes). */
export function treeRss(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      // PSS: shared pages (Chromium's processes share a lot) are split between their users, not counted once per process.
      const rollup = fs.readFileSync(`/proc/${p}/smaps_rollup`, "utf8");
      total += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? /VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      /* gone */
    }
  }
  return total;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds of a process and its living descendants (user + system). */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) ticks += processTicks(p);
  return ticks / TICKS_PER_SECOND;
}

/**
 * utime + stime; with `reaped`, also cutime + cstime: the CPU of children that already exited. Postgres backends
 * come and go with connections, so counting only live processes made the database's CPU go down between two
 * readings (negative per request); a finished backend's time lives on in its parent's cutime.
 */
export function processTicks(pid: number, reaped = false): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const own = Number(fields[11]) + Number(fields[12]);
    return reaped ? own + Number(fields[13]) + Number(fields[14]) : own;
  } catch {
    return 0;
  }
}

function isPostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres");
  } catch {
    return true;
  }
}

/**
 * CPU seconds used so far by the web server process and by its children (the embedded Postgres): a measure of
 * the work per request that other load on a shared machine barely changes, unlike latency and throughput.
 */
export function serverCpuSeconds(pid: number): { web: number; db: number } {
  let db = 0;
  let web = 0;
  for (const p of processTree(pid)) {
    // The page process (scripts/page-server.ts) is the web server's too; Postgres is the rest of the tree.
    if (p === pid || !isPostgres(p)) web += processTicks(p);
    else db += processTicks(p, true);
  }
  return { web: web / TICKS_PER_SECOND, db: db / TICKS_PER_SECOND };
}
