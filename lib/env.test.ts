import { afterEach, describe, expect, it } from "vitest";
import { env } from "./env";

describe("env()", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it("sees variables set after its first call (npm start fills in DATABASE_URL and the secrets at start-up)", () => {
    delete process.env.DATABASE_URL;
    delete process.env.PG_POOL_MAX;
    expect(env().DATABASE_URL).toBeUndefined();
    expect(env().PG_POOL_MAX).toBe(10);
    process.env.DATABASE_URL = "postgres://plinth:pw@127.0.0.1:54329/plinth";
    process.env.PG_POOL_MAX = "4";
    expect(env().DATABASE_URL).toBe("postgres://plinth:pw@127.0.0.1:54329/plinth");
    expect(env().PG_POOL_MAX).toBe(4);
    delete process.env.DATABASE_URL;
    expect(env().DATABASE_URL).toBeUndefined();
  });

  it("refuses an invalid value with the variable's name", () => {
    process.env.PG_POOL_MAX = "many";
    expect(() => env()).toThrow(/PG_POOL_MAX/);
  });

  it("returns the same object while nothing changed", () => {
    expect(env()).toBe(env());
  });
});
