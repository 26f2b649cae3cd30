import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { openApiDocument } from "@/lib/api/v1/openapi";
import type { Endpoint } from "@/lib/api/v1/endpoint";
import { API_ROUTES } from "@/e2e/fixtures/routes";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { v1RouteFiles } from "./api-v1-helpers";

/** Routes under /api/v1 that are not operations of the document, with why. */
const NOT_OPERATIONS: Record<string, string> = {
  "GET /api/v1/openapi.json": "the document itself (public)",
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** "METHOD /path" for every handler a v1 route file exports, checked against the endpoint it was wrapped with. */
async function routesFromFiles() {
  const found = new Set<string>();
  const wrongEndpoint: string[] = [];
  for (const { file, path } of v1RouteFiles()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = mod[method] as { endpoint?: Endpoint } | undefined;
      if (!handler) continue;
      const key = `${method} ${path}`;
      found.add(key);
      if (key in NOT_OPERATIONS) continue;
      const e = handler.endpoint;
      if (!e || e.method !== method || e.path !== path)
        wrongEndpoint.push(`${key} wraps ${e ? `${e.method} ${e.path}` : "nothing"}`);
    }
  }
  return { found, wrongEndpoint };
}

function routesFromDocument(doc: ReturnType<typeof openApiDocument>) {
  const out = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of METHODS)
      if ((item as Record<string, unknown>)[method.toLowerCase()]) out.add(`${method} ${path}`);
  return out;
}

describe("OpenAPI document and /api/v1 route files", () => {
  it("match both ways: no route missing from the document, nothing documented that no file serves", async () => {
    const { found, wrongEndpoint } = await routesFromFiles();
    const documented = routesFromDocument(openApiDocument());
    const files = [...found].filter((k) => !(k in NOT_OPERATIONS));
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(
      files.filter((k) => !documented.has(k)),
      "routes missing from the document",
    ).toEqual([]);
    expect(
      [...documented].filter((k) => !found.has(k)),
      "documented but no route file",
    ).toEqual([]);
    expect(wrongEndpoint, "each handler wraps the endpoint of its own method and path").toEqual([]);
    for (const k of Object.keys(NOT_OPERATIONS)) expect(found.has(k), k).toBe(true);
  });

  it("is OpenAPI 3.1 with the bearer scheme, every operation secured, with its errors and pagination", async () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components?.securitySchemes?.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    const ids = new Set<string>();
    for (const item of Object.values(doc.paths ?? {}))
      for (const op of Object.values(
        item as Record<string, { operationId: string; security: unknown; responses: object }>,
      )) {
        expect(op.security).toEqual([{ apiKey: [] }]);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["401", "403", "404", "422", "429"]));
        ids.add(op.operationId);
      }
    expect(ids.size).toBe(17);
    const list = doc.paths!["/api/v1/products"]!.get!;
    expect((list.parameters as { name: string }[]).map((p) => p.name)).toEqual(
      expect.arrayContaining(["limit", "cursor"]),
    );
    expect(doc.paths!["/api/v1/renders"]!.post!.responses!["202"]).toBeTruthy();
  });

  it("is served at /api/v1/openapi.json without a key", async () => {
    const res = await openApiRoute();
    expect(res.status).toBe(200);
    const served = await res.json();
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("the e2e route table lists every v1 operation with the permission its endpoint declares", () => {
    const fromEndpoints = Object.fromEntries(
      Object.values(ENDPOINTS).map((e) => [`${e.method} ${e.path.replace(/\{(\w+)\}/g, "[$1]")}`, e.permission]),
    );
    expect(API_ROUTES).toEqual(fromEndpoints);
  });
});
