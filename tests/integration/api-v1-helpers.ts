import fs from "node:fs";
import path from "node:path";
import { createApiKey } from "@/lib/api-keys/key-service";
import type { ApiKeyScope } from "@/lib/db/schema";
import { db, ownerCaller } from "./helpers";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export const API_DIR = path.resolve(__dirname, "..", "..", "app", "api", "v1");

/** Every route file under app/api/v1, with its URL path in OpenAPI form (`[id]` ─► `{id}`). */
export function v1RouteFiles(): { file: string; path: string }[] {
  const out: { file: string; path: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts")
        out.push({
          file: full,
          path:
            "/api/v1/" +
            path
              .relative(API_DIR, dir)
              .split(path.sep)
              .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))
              .join("/"),
        });
    }
  };
  walk(API_DIR);
  return out.map((r) => ({ ...r, path: r.path.replace(/\/$/, "") }));
}

export async function keyFor(
  owner: { userId: string; workspaceId: string },
  scopes: ApiKeyScope[] = ["read", "render", "manage"],
  mode: "live" | "test" = "live",
) {
  const { key, secret } = await createApiKey(db(), ownerCaller(owner), { name: `k-${scopes.join("-")}`, scopes, mode });
  return { id: key.id, secret };
}

/** Calls a route handler the way Next does: a Request and the route's params. */
export async function call(
  handler: Handler,
  url: string,
  {
    method = "GET",
    key,
    body,
    params = {},
    headers = {},
  }: {
    method?: string;
    key?: string;
    body?: unknown;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
) {
  const h = new Headers(headers);
  if (key) h.set("authorization", `Bearer ${key}`);
  let init: RequestInit = { method, headers: h };
  if (body instanceof FormData) init = { ...init, body };
  else if (body !== undefined) {
    h.set("content-type", "application/json");
    init = { ...init, body: JSON.stringify(body) };
  }
  const response = await handler(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* a file */
  }
  return {
    status: response.status,
    headers: response.headers, // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read field by field
    json: json as Record<string, any>,
    text,
  };
}
