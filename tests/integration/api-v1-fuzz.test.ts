import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { stopBoss } from "@/lib/jobs/boss";
import { call, keyFor, v1RouteFiles } from "./api-v1-helpers";
import { seedOwner } from "./helpers";

/** A lone surrogate cannot be percent-encoded by encodeURIComponent: send its raw (invalid) UTF-8 bytes instead. */
const enc = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
};

afterAll(async () => {
  await stopBoss();
});

/** What an attacker or a broken client sends: control characters, lone surrogates, huge, SQL, paths, wrong types. */
const JUNK_STRINGS = [
  "\u0000",
  "\ud800",
  "A".repeat(5000),
  "'; drop table products;--",
  "../../etc/passwd",
  "%00%2e%2e",
  "prd_🚀",
  "\u202egnp.exe",
];
const JUNK_BODIES: unknown[] = [
  null,
  [],
  "a string",
  42,
  { document: "x", ratios: 5, quality: ["final"], format: {}, scene_id: "\u0000" },
  JSON.parse('{"__proto__": {"admin": true}, "scene_id": "scn_nothing", "ratios": ["1:1"], "quality": "draft"}'),
  { template_id: "A".repeat(5000), product_id: null },
  JSON.parse('{"a":'.repeat(200) + "1" + "}".repeat(200)),
];

/**
 * The e2e fuzzer (e2e/fuzz.spec.ts) drives the session routes; the public API's routes take a key, so they are
 * fuzzed here, through the route handlers themselves with a live key of every scope: never a 5xx.
 */
describe("public API v1 under fuzz", () => {
  it("every v1 route answers fuzzed ids, queries and bodies with a 4xx (or a 2xx), never a 5xx", async () => {
    const owner = await seedOwner("fuzzv1");
    const { secret } = await keyFor(owner, ["read", "render", "manage"]);
    const serverErrors: string[] = [];
    let requests = 0;
    for (const { file, path: openApiPath } of v1RouteFiles()) {
      const route = (await import(file)) as Record<string, unknown>;
      const params = [...openApiPath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const method of ["GET", "POST", "PUT", "DELETE"] as const) {
        const handler = route[method];
        if (typeof handler !== "function") continue;
        for (const junk of JUNK_STRINGS) {
          const values = Object.fromEntries(params.map((p) => [p, junk]));
          const url =
            openApiPath.replace(/\{(\w+)\}/g, (_, p: string) => enc(values[p])) +
            `?limit=${enc(junk)}&cursor=${enc(junk)}&style=${enc(junk)}`;
          const bodies = method === "GET" || method === "DELETE" ? [undefined] : JUNK_BODIES;
          for (const body of bodies) {
            requests++;
            const answer = await call(handler as Parameters<typeof call>[0], url, {
              method,
              key: secret,
              params: values,
              body,
              // Header values must be printable ASCII (the client refuses others): the percent-encoded junk.
              headers: method === "POST" ? { "idempotency-key": enc(junk).slice(0, 300) } : {},
            }).catch((err: unknown) => ({ status: 599, text: String(err) }));
            if (answer.status >= 500) serverErrors.push(`${method} ${openApiPath} ${answer.status}: ${answer.text}`);
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(100);
    expect(serverErrors.slice(0, 10)).toEqual([]);
  }, 240_000);
});
