import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NEXT_ENV } from "@/scripts/lib/next-env";

/** Next.js telemetry is on by default; every way Plinth runs Next must switch it off. */
const ROOT = path.resolve(__dirname, "..", "..");
const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");

function telemetryStatus(env: Record<string, string>): string {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NEXT_TELEMETRY_DISABLED"));
  // In a scratch folder: asking for the status makes Next write its notice state into ./cache.
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-telemetry-"));
  try {
    const r = spawnSync(process.execPath, [nextBin, "telemetry", "status"], {
      cwd,
      env: { ...clean, ...env } as NodeJS.ProcessEnv,
      encoding: "utf8",
    });
    return `${r.stdout}${r.stderr}`;
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

describe("Next.js telemetry", () => {
  it("is off in the environment the start script gives the server and its build", () => {
    expect(telemetryStatus({})).toMatch(/Status: Enabled/); // so the check below can fail
    expect(telemetryStatus({ ...NEXT_ENV })).toMatch(/Status: Disabled/);
  });

  it("is off in every npm script that runs next directly", () => {
    const scripts: Record<string, string> = JSON.parse(
      fs.readFileSync(path.join(ROOT, "package.json"), "utf8"),
    ).scripts;
    const runningNext = Object.entries(scripts).filter(([, cmd]) => /(^|\s|&&)\s*(npx\s+)?next\s/.test(cmd));
    expect(runningNext.map(([name]) => name)).toContain("build");
    for (const [name, cmd] of runningNext) {
      const prefix = Object.fromEntries([...cmd.matchAll(/\b([A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]]));
      expect(telemetryStatus(prefix), `npm run ${name}`).toMatch(/Status: Disabled/);
    }
  });

  it("is off wherever the start script or a Next build is spawned", () => {
    const start = fs.readFileSync(path.join(ROOT, "scripts/start.ts"), "utf8");
    const applied = start.indexOf("applyNextEnv()");
    expect(applied).toBeGreaterThan(-1);
    expect(applied).toBeLessThan(start.indexOf("buildIfStale(root)"));
    expect(fs.readFileSync(path.join(ROOT, "scripts/lib/build-if-stale.ts"), "utf8")).toMatch(/\.\.\.NEXT_ENV/);
  });
});
