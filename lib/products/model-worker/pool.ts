import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { fullLimits, type UploadLimits } from "../limits";
import type { UploadFile } from "../upload-files";
import type { ProcessedUpload } from "./process-upload";
import { COULD_NOT_READ, type JobMessage, type WorkerMessage } from "./protocol";

export type PoolOptions = {
  /** Models checked at the same time (one worker process each). */
  concurrency: number;
  /** Uploads allowed to wait for a worker; more are refused with 429. */
  queueMax: number;
  /** An idle worker process exits after this long. */
  idleMs?: number;
};

/** How long a fresh worker may take to load its tools. */
const STARTUP_MS = 60_000;
/** How often the memory of a busy worker is read. */
const WATCH_MS = 100;

type Worker = {
  child: ChildProcess;
  memoryMb: number;
  ready: Promise<void>;
  idleTimer?: NodeJS.Timeout;
  log: string[];
};

/** The worker's entry point, from the project root: a path that exists at run time, outside any bundle. */
function entryPoint(): string {
  return path.join(process.cwd(), "lib", "products", "model-worker", "child.ts");
}

/** Resident memory of a process in MB (Linux); null where /proc is not available. */
function residentMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** IPC hands over views into one shared message buffer: give each result its own, exactly sized. */
function ownBuffers(result: ProcessedUpload): ProcessedUpload {
  const bytes = result.original.bytes?.slice();
  return {
    ...result,
    model: { ...result.model, glb: result.model.glb.slice() },
    original: { ...result.original, bytes },
  };
}

/** The worker's environment: enough to run node and tsx, and none of the server's secrets (database, auth, Stripe). */
function workerEnv(): NodeJS.ProcessEnv {
  const keep = ["PATH", "NODE_ENV", "TMPDIR", "LANG"];
  return Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]])) as NodeJS.ProcessEnv;
}

const couldNotRead = (why: string) =>
  new AppError(
    "unprocessable",
    `We could not read this model: ${why}. Export it again from your 3D tool as glTF 2.0 (.glb) and retry.`,
  );

/**
 * Checks uploaded models in child processes (./child.ts), so a model that
 * crashes, exhausts memory or never finishes costs a worker, never the web
 * server: each job has a time limit and a memory limit (V8 heap flag plus a
 * watch on resident memory), and a failure answers 422. A global cap on
 * concurrent jobs keeps uploads from taking the machine; a bounded queue
 * waits for it and beyond that uploads are refused with 429. Workers are
 * kept warm between jobs and replaced after any failure.
 */
export class ModelWorkerPool {
  private idle: Worker[] = [];
  private running = 0;
  private waiting: (() => void)[] = [];
  private nextId = 1;

  constructor(private readonly options: PoolOptions) {}

  /** Starts a worker ahead of the first upload, so that upload does not wait for one to load. */
  warm(limits: UploadLimits) {
    const memoryMb = fullLimits(limits).memoryMb;
    if (this.running === 0 && this.idle.length === 0) this.park(this.spawn(memoryMb));
  }

  async process(files: UploadFile[], limits: UploadLimits): Promise<ProcessedUpload> {
    await this.acquire();
    try {
      return await this.runJob(files, fullLimits(limits));
    } finally {
      this.release();
    }
  }

  /** Stops every idle worker (tests, shutdown). */
  close() {
    for (const w of this.idle.splice(0)) this.stop(w);
  }

  private async acquire() {
    if (this.running < this.options.concurrency) {
      this.running += 1;
      return;
    }
    if (this.waiting.length >= this.options.queueMax) {
      throw new AppError(
        "rate_limited",
        "Too many models are being checked right now. Try the upload again in a minute.",
      );
    }
    // release() hands its place straight to the first waiter, so `running` stays counted.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }

  private spawn(memoryMb: number): Worker {
    const child = fork(entryPoint(), [], {
      cwd: process.cwd(),
      execArgv: ["--import", "tsx", `--max-old-space-size=${memoryMb}`],
      // No secrets: the worker needs none of the server's configuration.
      env: workerEnv(),
      serialization: "advanced",
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    const worker: Worker = { child, memoryMb, log: [], ready: Promise.resolve() };
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) worker.log.push(line.slice(0, 300));
      worker.log.splice(0, Math.max(0, worker.log.length - 20));
    };
    // Its own messages are one line each; V8's fatal-error dumps stay out of the server log unless it crashes unexpectedly.
    child.stdout?.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n"))
        if (line.trim()) console.log(`[model-worker] ${line.slice(0, 300)}`);
    });
    child.stderr?.on("data", keep);
    child.on("error", () => undefined);
    worker.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("start-up timed out")), STARTUP_MS);
      const onMessage = (m: WorkerMessage) => {
        if (m?.type !== "ready") return;
        clearTimeout(timer);
        child.off("message", onMessage);
        resolve();
      };
      child.on("message", onMessage);
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`exited during start-up (${signal ?? code}): ${worker.log.slice(-3).join(" | ")}`));
      });
    });
    worker.ready.catch(() => undefined);
    return worker;
  }

  private stop(w: Worker) {
    clearTimeout(w.idleTimer);
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
  }

  private park(w: Worker) {
    if (w.child.exitCode !== null || w.child.signalCode !== null || !w.child.connected) return;
    clearTimeout(w.idleTimer);
    w.idleTimer = setTimeout(
      () => {
        this.idle = this.idle.filter((x) => x !== w);
        this.stop(w);
      },
      this.options.idleMs ?? 10 * 60_000,
    );
    w.idleTimer.unref();
    this.idle.push(w);
  }

  private take(memoryMb: number): Worker {
    while (this.idle.length) {
      const w = this.idle.pop()!;
      clearTimeout(w.idleTimer);
      if (w.child.connected && w.memoryMb === memoryMb) return w;
      this.stop(w);
    }
    return this.spawn(memoryMb);
  }

  private async runJob(files: UploadFile[], limits: Required<UploadLimits>): Promise<ProcessedUpload> {
    const worker = this.take(limits.memoryMb);
    try {
      await worker.ready;
    } catch (err) {
      this.stop(worker);
      console.error(`[model-worker] could not start: ${err instanceof Error ? err.message : String(err)}`);
      throw new AppError("internal", "The model checker could not start. Please try again in a minute.");
    }
    const { child } = worker;
    const id = this.nextId++;
    let healthy = false;
    try {
      const result = await new Promise<ProcessedUpload>((resolve, reject) => {
        const finish = (fn: () => void) => {
          clearTimeout(timer);
          clearInterval(watch);
          child.off("message", onMessage);
          child.off("exit", onExit);
          fn();
        };
        const onMessage = (m: WorkerMessage) => {
          if (m?.type === "done" && m.id === id) {
            healthy = true;
            finish(() => resolve(ownBuffers(m.result)));
          } else if (m?.type === "failed" && m.id === id) {
            healthy = !m.fatal;
            finish(() => reject(new AppError(m.error.code, m.error.message)));
          }
        };
        const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
          const outOfMemory = worker.log.some((l) => /heap out of memory|Reached heap limit/i.test(l));
          if (!outOfMemory)
            console.log(
              `[model-worker] stopped while checking a model (${signal ?? code}): ${worker.log.slice(-2).join(" | ")}`,
            );
          finish(() =>
            reject(
              outOfMemory
                ? couldNotRead(`checking it needs more than ${limits.memoryMb} MB of memory`)
                : new AppError("unprocessable", COULD_NOT_READ),
            ),
          );
        };
        const timer = setTimeout(() => {
          const limit =
            limits.timeoutMs >= 1000 ? `${Math.round(limits.timeoutMs / 100) / 10} s` : `${limits.timeoutMs} ms`;
          finish(() => reject(couldNotRead(`checking it took longer than ${limit}`)));
        }, limits.timeoutMs);
        const watch = setInterval(() => {
          const mb = child.pid ? residentMb(child.pid) : null;
          if (mb !== null && mb > limits.memoryMb) {
            finish(() => reject(couldNotRead(`checking it needs more than ${limits.memoryMb} MB of memory`)));
          }
        }, WATCH_MS);
        child.on("message", onMessage);
        child.on("exit", onExit);
        const job: JobMessage = { type: "job", id, files, limits };
        child.send(job, (err) => {
          if (err) finish(() => reject(new AppError("unprocessable", COULD_NOT_READ)));
        });
      });
      return result;
    } finally {
      // A worker that failed, timed out or grew too large is not trusted with another model.
      if (healthy) this.park(worker);
      else this.stop(worker);
    }
  }
}
