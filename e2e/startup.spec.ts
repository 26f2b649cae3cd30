import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { defaultPageProcessCount } from "../scripts/lib/page-process";

/**
 * `npm start` on an empty data folder, a second start on the same data, and a
 * start after the server was SIGKILLed (its postmaster left running).
 */
const PORT = 3150;
const PG_PORT = 54350;
const BASE = `http://localhost:${PORT}`;

function startServer(dataDir: string): ChildProcess {
  // Node itself runs the server (no tsx wrapper process), so SIGKILL hits the server and nothing else.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(PG_PORT),
      NEXTAUTH_URL: BASE,
      APP_URL: BASE,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", () => {});
  child.stderr?.on("data", (d) => process.env.E2E_DEBUG && process.stderr.write(d));
  return child;
}

async function waitForHome(timeoutMs = 120_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${BASE}/`);
      if (res.status === 200) return 200;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

/** Signs in over HTTP the way the sign-in form does, and returns the session cookie. */
async function signIn(email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const csrfCookie = (csrfRes.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = (res.headers.getSetCookie() ?? [])
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error("no session cookie");
  return session;
}

const scenesWith = (cookie: string) => fetch(`${BASE}/api/scenes`, { headers: { cookie } }).then((r) => r.status);

/** The page processes (scripts/page-server.ts) the start script `pid` runs. */
function pageProcessesOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid && fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("page-server.ts"))
        found.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return found;
}

/** Running: a zombie (exited, not yet reaped by whoever adopted it) does not count. */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

async function stopped(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((r) => child.once("exit", r));
}

/** SIGTERM, then SIGKILL if it has not exited within 20 s, so no server outlives the test. */
async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  child.kill("SIGTERM");
  await stopped(child);
  clearTimeout(timer);
}

test.describe("start-up", () => {
  test.setTimeout(300_000);
  let dataDir: string;
  let child: ChildProcess | undefined;

  test.beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-startup-"));
    fs.chmodSync(dataDir, 0o755);
  });
  test.afterAll(async () => {
    if (child) await stopServer(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("boots on empty data, keeps data across restarts, and recovers from SIGKILL", async () => {
    child = startServer(dataDir);
    expect(await waitForHome()).toBe(200);
    const email = `startup-${Date.now()}@example.com`;
    const created = await fetch(`${BASE}/api/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Start", email, password: "startup-password", workspaceName: "Startup" }),
    });
    expect(created.status).toBe(201);
    const session = await signIn(email, "startup-password");
    expect(await scenesWith(session)).toBe(200);

    // A clean stop and a second start reuse the same data: the user is still there, and still signed in.
    await stopServer(child);
    child = startServer(dataDir);
    expect(await waitForHome()).toBe(200);
    const again = await fetch(`${BASE}/api/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Start", email, password: "startup-password", workspaceName: "Startup" }),
    });
    // A known email gets the same answer as a new one (sign-up does not reveal who has an account).
    expect(again.status).toBe(201);
    expect(await scenesWith(session)).toBe(200);

    // Pages render in processes of their own (one per core, up to four). If they all die, pages are still served (by the start
    // script), and they come back.
    const pageProcesses = pageProcessesOf(child.pid!);
    expect(pageProcesses.length, "page processes run beside the server").toBe(defaultPageProcessCount());
    for (const pid of pageProcesses) process.kill(pid, "SIGKILL");
    await expect.poll(() => pageProcesses.some(alive)).toBe(false);
    expect((await fetch(`${BASE}/sign-in`)).status).toBe(200);
    expect(await scenesWith(session)).toBe(200);
    await expect
      .poll(() => pageProcessesOf(child!.pid!).filter((pid) => !pageProcesses.includes(pid)).length, {
        timeout: 60_000,
      })
      .toBe(pageProcesses.length);
    const restarted = pageProcessesOf(child.pid!);

    // SIGKILL leaves a postmaster behind; the next start must clean it up and boot. The page processes go with it.
    child.kill("SIGKILL");
    await stopped(child);
    await expect.poll(() => restarted.some(alive), { timeout: 15_000 }).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(true);
    child = startServer(dataDir);
    expect(await waitForHome()).toBe(200);
    const third = await fetch(`${BASE}/api/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Start", email, password: "startup-password", workspaceName: "Startup" }),
    });
    expect(third.status).toBe(201);
    // The account survived the SIGKILL: its password still signs in.
    expect(await scenesWith(await signIn(email, "startup-password"))).toBe(200);
  });
});
