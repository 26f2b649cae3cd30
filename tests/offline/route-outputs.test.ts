import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Declared outputs (lib/api/outputs): every JSON answer of a wrapped route handler (workspaceRoute, tokenRoute) has a
 * declared shape, parsed before it is sent, so the public API can be documented from the same zod schemas and a
 * handler cannot leak a field by accident. The routes below answer something that is not JSON, and say why.
 */
const NOT_JSON: Record<string, string> = {
  "GET /api/products/[productId]/model": "the web-ready GLB (serveFile)",
  "GET /api/products/[productId]/original": "the uploaded file (serveFile)",
  "GET /api/products/[productId]/thumbnail": "a PNG (serveFile)",
  "DELETE /api/products/[productId]": "204, no body",
  "GET /api/billing/portal": "a 303 redirect to the Stripe portal (POST answers the URL as JSON)",
  "GET /api/renders/batches/[batchId]/zip": "a streamed ZIP",
  "GET /api/renders/groups/[groupId]/zip": "a streamed ZIP (a folder per product)",
  "GET /api/renders/outputs/[outputId]/file": "an image file (serveFile)",
  "GET /api/workspace-exports/[exportId]/download": "a workspace export's ZIP (serveFile)",
  "DELETE /api/templates/custom/[templateId]": "204, no body",
  "GET /api/templates/thumbnails/[thumbnailId]": "a PNG preview (serveFile)",
  "GET /api/render-assets/[outputId]/[productId]": "a GLB for the worker's render page",
  "GET /api/render-assets/products/[productId]": "a GLB for the worker's render page",
  "GET /api/brand-kit/logo/[assetId]": "the logo's PNG (serveFile)",
  "GET /api/render-assets/thumbnails/[thumbnailId]/[productId]": "a GLB for the worker's render page",
};

const API_DIR = path.resolve(__dirname, "..", "..", "app", "api");
const WRAPPED = /export const (GET|POST|PUT|PATCH|DELETE) = (workspaceRoute|tokenRoute)\(/g;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** The wrapper's first argument: the options object literal, braces balanced. */
function optionsObject(source: string, from: number): string {
  const start = source.indexOf("{", from);
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    if (source[i] === "{") depth++;
    if (source[i] === "}" && --depth === 0) return source.slice(start, i + 1);
  }
  throw new Error("unbalanced options object");
}

/** "METHOD /api/path" → whether its wrapper's options declare `output:`. */
function wrappedRoutes(): Map<string, boolean> {
  const routes = new Map<string, boolean>();
  for (const file of routeFiles(API_DIR)) {
    const source = fs.readFileSync(file, "utf8");
    const route = "/api/" + path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
    for (const match of source.matchAll(WRAPPED)) {
      const options = optionsObject(source, match.index! + match[0].length);
      routes.set(`${match[1]} ${route}`, /\boutput\s*[:,}]/.test(options));
    }
  }
  return routes;
}

describe("declared route outputs", () => {
  const routes = wrappedRoutes();

  it("finds the wrapped routes", () => {
    expect(routes.size).toBeGreaterThan(25);
    expect(routes.get("PUT /api/scenes/[sceneId]")).toBe(true);
  });

  it("every JSON route declares its output shape", () => {
    const undeclared = [...routes].filter(([key, declared]) => !declared && !(key in NOT_JSON)).map(([key]) => key);
    expect(undeclared, "declare `output:` (lib/api/outputs) or list the route in NOT_JSON with why").toEqual([]);
  });

  it("the not-JSON list names only existing routes without a declared output", () => {
    for (const key of Object.keys(NOT_JSON)) expect(routes.get(key), key).toBe(false);
  });
});
