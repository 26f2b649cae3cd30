import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/db/migrate";
import { superviseWorkers } from "@/scripts/lib/worker-supervisor";

/**
 * The render worker runs uploaded models in Chromium, so it must never hold the session secret: it starts with only
 * the render-token key, and `npm start` does not hand it NEXTAUTH_SECRET.
 */
const ROOT = path.resolve(__dirname, "../..");
const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-worker-secrets-"));
  dirs.push(dir);
  return dir;
}

// A database of its own: a started worker takes jobs, and must not take other test files' queued ones.
const DB_NAME = `plinth_worker_secrets_${process.pid}`;
let databaseUrl = "";
const admin = () => new Client({ connectionString: process.env.DATABASE_URL });

beforeAll(async () => {
  const client = admin();
  await client.connect();
  await client.query(`create database ${DB_NAME}`);
  await client.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${DB_NAME}`;
  databaseUrl = url.toString();
  await runMigrations(databaseUrl);
}, 60_000);

afterAll(async () => {
  const client = admin();
  await client.connect();
  await client.query(`drop database if exists ${DB_NAME} with (force)`);
  await client.end();
});

function baseEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    RENDER_APP_URL: "http://localhost:9",
    PORT: "9",
  };
  delete env.NEXTAUTH_SECRET;
  delete env.RENDER_TOKEN_SECRET;
  return env;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("render worker secrets", () => {
  it("starts without NEXTAUTH_SECRET, with a render-token key of its own, and never makes a session secret", async () => {
    const dataDir = tempDataDir();
    const child = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], {
      cwd: ROOT,
      env: baseEnv(dataDir),
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let log = "";
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        log += d;
        if (/\[worker\] ready/.test(log)) resolve();
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.once("exit", (code) =>
        reject(new Error(`worker exited (${code}) before it was ready:\n${log.slice(-2000)}`)),
      );
    });
    await ready;
    expect(fs.readFileSync(path.join(dataDir, "render-secret"), "utf8").trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Before, the worker generated (and held) the session secret itself.
    expect(fs.existsSync(path.join(dataDir, "auth-secret"))).toBe(false);
  }, 120_000);

  it("is not handed the session secret by `npm start`'s supervisor", async () => {
    const dataDir = tempDataDir();
    const before = new Set(childPids());
    const workers = superviseWorkers(ROOT, 1, {
      ...baseEnv(dataDir),
      NEXTAUTH_SECRET: "session-secret-of-the-web-server",
      RENDER_TOKEN_SECRET: "render-key-0000000000000",
    });
    try {
      const pid = childPids().find((p) => !before.has(p));
      expect(pid).toBeTruthy();
      const environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      expect(environ).toContain("RENDER_TOKEN_SECRET=render-key-0000000000000");
      expect(environ.filter((line) => line.startsWith("NEXTAUTH_SECRET="))).toEqual([]);
    } finally {
      await workers.stop();
    }
  }, 60_000);
});

/** Ids of this process's child processes (Linux /proc). */
function childPids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // "pid (comm) state ppid ...": comm may hold spaces, so split after the last ")".
        const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === process.pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}
