import { describe, expect, it } from "vitest";
import { browserEnv, sandboxPlan } from "./browser";

describe("sandboxPlan", () => {
  it("keeps Chromium's sandbox on for any user but root, and says why it is off for root", () => {
    expect(sandboxPlan(1000)).toEqual({ sandbox: true });
    expect(sandboxPlan(65534)).toEqual({ sandbox: true });
    const root = sandboxPlan(0);
    expect(root.sandbox).toBe(false);
    expect(root.sandbox === false && root.why).toMatch(/root/);
  });
});

describe("browserEnv", () => {
  it("gives Chromium none of the worker's secrets, only what it needs to run", () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        RENDER_TOKEN_SECRET: "s".repeat(32),
        DATABASE_URL: "postgres://u:p@h/db",
        S3_SECRET_ACCESS_KEY: "k",
        PATH: "/usr/bin",
        HOME: "/home/w",
      });
      const env = browserEnv({ LD_LIBRARY_PATH: "/data/browser/lib" });
      expect(env).toMatchObject({ PATH: "/usr/bin", HOME: "/home/w", LD_LIBRARY_PATH: "/data/browser/lib" });
      expect(Object.keys(env)).not.toEqual(expect.arrayContaining(["RENDER_TOKEN_SECRET"]));
      expect(JSON.stringify(env)).not.toMatch(/postgres:|RENDER_TOKEN_SECRET|S3_SECRET/);
    } finally {
      process.env = saved;
    }
  });
});
