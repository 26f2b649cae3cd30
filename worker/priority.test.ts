import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

/** Runs lowerWorkerPriority in a process of its own (this test runner's priority stays as it is). */
function inChild(nice: number) {
  const script = `
    const os = require("node:os");
    const { execFileSync } = require("node:child_process");
    const { lowerWorkerPriority } = require("./worker/priority");
    const said = lowerWorkerPriority(${nice});
    const threads = require("node:fs").readdirSync("/proc/self/task").map((t) => os.getPriority(Number(t)));
    // A process started afterwards, as Chromium is: its own niceness, read by itself.
    const child = Number(execFileSync(process.execPath, ["-p", "require('node:os').getPriority()"]).toString());
    console.log(JSON.stringify({ said, self: os.getPriority(), threads, child }));`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: ROOT }).toString();
  return JSON.parse(out.trim().split("\n").at(-1)!) as { said: string; self: number; threads: number[]; child: number };
}

describe.runIf(process.platform === "linux")("lowerWorkerPriority", () => {
  it("lowers every thread of the worker and what it starts afterwards (Chromium), and says so", () => {
    // It never raises a priority: under a runner already niced past 10 (nice -n 19 npm test) it keeps that.
    const expected = Math.max(10, os.getPriority());
    const r = inChild(10);
    expect(r.said).toMatch(new RegExp(`nice ${expected}`));
    expect(r.self).toBe(expected);
    expect(r.threads.every((n) => n === expected)).toBe(true);
    expect(r.child).toBe(expected);
  });

  it("leaves the priority as it was with 0", () => {
    const r = inChild(0);
    expect(r.said).toMatch(/RENDER_WORKER_NICE=0/);
    expect(r.child).toBe(r.self);
  });
});
