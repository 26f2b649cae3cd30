import fs from "node:fs";
import path from "node:path";
import { expect, request as pwRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { newAccount } from "./fixtures/accounts";
import {
  API_ROUTES,
  enumerateRoutes,
  glb,
  PUBLIC_ROUTES,
  WORKSPACE_ROUTES,
  type Call,
  type Ids,
} from "./fixtures/routes";
import { closeSqlPools, signedInApi, sql, type Member } from "./fixtures/session";

/**
 * A string fuzzer over every route handler (driven by the shared route table),
 * the pages' path and query parameters, and the server-action endpoint: bad
 * input gets a 4xx with a message, never a 5xx. Inputs are fixed (no
 * randomness), so a failure names the exact request to replay.
 * Server actions called as functions are fuzzed in tests/integration/fuzz-actions.test.ts.
 */

/** Strings that break servers: Postgres refuses NUL, lone surrogates are not text, the rest probe escaping and sizes. */
const STRINGS: Record<string, string> = {
  NUL: "a\u0000b",
  "lone high surrogate": "x\uD800",
  "lone low surrogate": "\uDC00y",
  "RTL override": "\u202Egnp.exe",
  emoji: "😀👩‍👩‍👧‍👦🏳️‍🌈",
  SQL: "'; drop table users; --",
  HTML: '<script>alert(1)</script><img src=x onerror="alert(1)">',
  "percent junk": "%00%ZZ%",
  "path traversal": "../../etc/passwd",
  empty: "",
  "10k accents": "é".repeat(10_000),
};
const MEGABYTE = "x".repeat(1_000_000);
/** Non-strings where strings go, and the reverse. */
const VALUES: Record<string, unknown> = {
  number: 12345,
  "huge number": 1e308,
  "negative number": -1,
  "numeric string": "42",
  null: null,
  true: true,
  array: ["a\u0000", 1, null],
  "nested object": { a: { b: { c: "\u0000" } } },
  "deep nesting": Array.from({ length: 200 }).reduce<unknown>((inner) => [inner], "leaf"),
};

type Sent = { method: string; url: string; options: Record<string, unknown> };

/** What a route-table call sends, captured by a stand-in request context (nothing goes over the wire). */
function recordCall(call: Call, ids: Ids): Sent {
  let sent: Sent | undefined;
  const recorder = new Proxy(
    {},
    {
      get:
        (_t, method: string) =>
        (url: string, options: Record<string, unknown> = {}) => {
          sent = { method: method.toUpperCase(), url, options };
          return Promise.resolve(undefined);
        },
    },
  );
  void call(recorder as APIRequestContext, ids);
  if (!sent) throw new Error("the route call sent nothing");
  return sent;
}

/** Paths of the string and number leaves of a JSON body (at most `max`, shallow ones first). */
function leaves(value: unknown, max = 4): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: { v: unknown; p: (string | number)[] }[] = [{ v: value, p: [] }];
  while (queue.length && out.length < max) {
    const { v, p } = queue.shift()!;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
      if (p.length) out.push(p);
    } else if (v && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) queue.push({ v: child, p: [...p, Array.isArray(v) ? Number(k) : k] });
    }
  }
  return out;
}

function withLeaf(body: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at.at(-1)!] = value;
  return copy;
}

/** Collects every answer; a 5xx (or no answer at all) is a finding. */
class Findings {
  readonly serverErrors: string[] = [];
  count = 0;
  async send(what: string, go: () => Promise<APIResponse>): Promise<APIResponse | null> {
    this.count++;
    try {
      const res = await go();
      if (res.status() >= 500) this.serverErrors.push(`${what}: ${res.status()} ${(await res.text()).slice(0, 160)}`);
      return res;
    } catch (err) {
      this.serverErrors.push(`${what}: no answer (${(err as Error).message.split("\n")[0]})`);
      return null;
    }
  }
}

/**
 * Percent-encodes any string, lone surrogates included (as the 3 bytes a raw client can send for one,
 * which encodeURIComponent refuses to write), capped at `max` characters for URLs and headers.
 */
function enc(s: string, max = 4000): string {
  const out = s.replace(/[\uD800-\uDFFF]/g, (c, i: number) => {
    const pair = /[\uD800-\uDBFF]/.test(c)
      ? /[\uDC00-\uDFFF]/.test(s[i + 1] ?? "")
      : /[\uD800-\uDBFF]/.test(s[i - 1] ?? "");
    if (pair) return c;
    const cp = c.charCodeAt(0);
    return `\u0001${[0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => b.toString(16)).join(".")}\u0002`;
  });
  return encodeURIComponent(out)
    .replace(/%01([0-9a-f.]+)%02/g, (_m, hex: string) =>
      hex
        .split(".")
        .map((h) => `%${h.toUpperCase()}`)
        .join(""),
    )
    .slice(0, max)
    .replace(/%[0-9A-F]?$/i, "");
}

const json = (data: unknown) => ({ data: JSON.stringify(data), headers: { "content-type": "application/json" } });

/** Every fuzz case for one route: each id in the path, each body leaf, the whole body, broken JSON. */
async function fuzzRoute(f: Findings, api: APIRequestContext, key: string, sent: Sent, ids: Ids) {
  const fetch = (url: string, options: Record<string, unknown>) =>
    api.fetch(url, { method: sent.method, timeout: 30_000, maxRedirects: 0, ...options });
  const { data, multipart } = sent.options as { data?: unknown; multipart?: Record<string, unknown> };
  const [pathname, query] = sent.url.split("?");
  const idsInPath = Object.values(ids).filter((v): v is string => typeof v === "string" && pathname.includes(`/${v}`));
  for (const id of idsInPath) {
    for (const [name, s] of Object.entries(STRINGS)) {
      const url = pathname.replace(`/${id}`, `/${enc(s)}`) + (query ? `?${query}` : "");
      await f.send(`${key} with id ${name}`, () => fetch(url, data === undefined ? {} : json(data)));
    }
  }
  if (query) {
    for (const [name, s] of Object.entries(STRINGS)) {
      await f.send(`${key} with query ${name}`, () =>
        fetch(`${pathname}?${query.replace(/=[^&]*/g, `=${enc(s)}`)}`, {}),
      );
    }
  }
  if (multipart) {
    // Uploads: the file fuzzer lives in security.spec.ts; here the name field.
    for (const name of ["NUL", "lone high surrogate", "HTML"]) {
      await f.send(`${key} with name ${name}`, () =>
        fetch(sent.url, { multipart: { ...multipart, name: STRINGS[name] } }),
      );
    }
    return;
  }
  if (sent.method === "GET" || sent.method === "HEAD") return;
  const body = data ?? {};
  for (const at of leaves(body)) {
    for (const [name, s] of Object.entries({ ...STRINGS, "1 MB": MEGABYTE })) {
      await f.send(`${key} with ${at.join(".")} ${name}`, () => fetch(sent.url, json(withLeaf(body, at, s))));
    }
    for (const [name, v] of Object.entries(VALUES)) {
      await f.send(`${key} with ${at.join(".")} ${name}`, () => fetch(sent.url, json(withLeaf(body, at, v))));
    }
  }
  for (const [name, v] of Object.entries({ ...VALUES, NUL: STRINGS.NUL, "NUL key": { "k\u0000": 1 } })) {
    await f.send(`${key} with body ${name}`, () => fetch(sent.url, json(v)));
  }
  await f.send(`${key} with broken JSON`, () =>
    fetch(sent.url, { data: '{"a":', headers: { "content-type": "application/json" } }),
  );
  await f.send(`${key} with a text body`, () =>
    fetch(sent.url, { data: "a\u0000b", headers: { "content-type": "text/plain" } }),
  );
}

let member: Member;
let ids: Ids;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  member = await signedInApi();
  const up = await member.api.post("/api/products", { multipart: glb() });
  expect(up.status(), await up.text()).toBe(201);
  const productId = (await up.json()).product.id as string;
  const scene = await member.api.post("/api/scenes", { data: { productId: "sample_kraft-box" } });
  const sceneId = (await scene.json()).id as string;
  const tpl = await member.api.post("/api/templates/custom", { data: { sceneId, name: "Fuzz" } });
  const tplBody = await tpl.json();
  const exp = await member.api.post(`/api/scenes/${sceneId}/export`, {
    data: { outputs: [{ label: "1:1", width: 256, height: 256 }], quality: "draft" },
  });
  expect(exp.status(), await exp.text()).toBe(201);
  const batchId = (await exp.json()).batchId as string;
  const [{ id: outputId }] = await sql<{ id: string }>("select id from render_outputs where batch_id = $1", [batchId]);
  const document = (await (await member.api.get(`/api/scenes/${sceneId}`)).json()).scene.document;
  ids = {
    document,
    productId,
    sceneId,
    templateId: (tplBody.template?.id ?? tplBody.id) as string,
    thumbnailId: "tth_fuzznothing",
    batchId,
    outputId,
    workspaceId: member.workspaceId,
    viewerId: "vwr_fuzznothing",
    webhookId: "whe_fuzznothing",
    groupId: "rg_fuzznothing",
    albumId: "alb_fuzznothing",
    itemId: "ali_fuzznothing",
    linkId: "shl_fuzznothing",
    commentId: "cmt_fuzznothing",
    shareToken: "A".repeat(43),
  };
});

test.afterAll(async () => {
  await member?.api.dispose();
  await closeSqlPools();
});

test("route handlers: fuzzed ids, bodies and queries get a 4xx, never a 5xx", async () => {
  test.setTimeout(180_000);
  const started = Date.now();
  const f = new Findings();
  const routes = enumerateRoutes();
  // The table covers every route (security.spec.ts checks that too); a public route is fuzzed below, and the
  // public API's key-only routes in tests/integration/api-v1-fuzz.test.ts.
  expect(routes.filter((r) => !(r in WORKSPACE_ROUTES) && !(r in PUBLIC_ROUTES) && !(r in API_ROUTES))).toEqual([]);
  for (const [key, { call }] of Object.entries(WORKSPACE_ROUTES)) {
    // Billing portal GET redirects to Stripe when configured; DELETEs with real ids are run last by the table order anyway.
    await fuzzRoute(f, member.api, key, recordCall(call, ids), ids);
  }
  console.log(`[fuzz] ${f.count} workspace-route requests in ${Date.now() - started} ms`);
  expect(f.serverErrors).toEqual([]);
});

test("public routes: sign-up, sign-in, render assets and the Stripe webhook take fuzz without a 5xx", async () => {
  test.setTimeout(120_000);
  const f = new Findings();
  const anon = await pwRequest.newContext({ baseURL: BASE_URL });
  try {
    const account = newAccount("fuzz");
    const signup = { method: "POST", url: "/api/signup", options: { data: account } };
    await fuzzRoute(f, anon, "POST /api/signup", signup, ids);
    const { csrfToken } = await (await anon.get("/api/auth/csrf")).json();
    for (const field of ["email", "password"]) {
      for (const [name, s] of Object.entries(STRINGS)) {
        const form = { csrfToken, email: account.email, password: "wrong-password", json: "true", [field]: s };
        await f.send(`POST /api/auth/callback/credentials with ${field} ${name}`, () =>
          anon.post("/api/auth/callback/credentials", { form, maxRedirects: 0 }),
        );
      }
    }
    for (const [name, s] of Object.entries(STRINGS)) {
      const e = enc(s);
      await f.send(`GET /api/auth/${name}`, () => anon.get(`/api/auth/${e}`, { maxRedirects: 0 }));
      await f.send(`GET /api/render-assets with ids ${name}`, () =>
        anon.get(`/api/render-assets/${e}/${e}?token=${e}`),
      );
      await f.send(`GET /api/render-assets/thumbnails with ids ${name}`, () =>
        anon.get(`/api/render-assets/thumbnails/${e}/${e}?token=${e}`),
      );
      await f.send(`GET /api/render-assets/products with id ${name}`, () =>
        anon.get(`/api/render-assets/products/${e}?token=${e}`),
      );
      await f.send(`GET /api/v with token ${name}`, () => anon.get(`/api/v/${e}/model.glb`));
      await f.send(`GET /api/v usdz with token ${name}`, () => anon.get(`/api/v/${e}/model.usdz`));
      await f.send(`GET /api/oembed with url ${name}`, () => anon.get(`/api/oembed?url=${e}`));
      await f.send(`GET /v page with token ${name}`, () => anon.get(`/v/${e}`));
      await f.send(`GET /v/embed.js with query ${name}`, () => anon.get(`/v/embed.js?token=${e}`));
      await f.send(`POST /api/stripe/webhook with ${name}`, () =>
        anon.post("/api/stripe/webhook", {
          data: s,
          headers: { "stripe-signature": s.replace(/[^\x20-\x7e]/g, "?") || "x" },
        }),
      );
    }
  } finally {
    await anon.dispose();
  }
  expect(f.serverErrors).toEqual([]);
});

test("pages: fuzzed path and query parameters and a junk workspace cookie get no 5xx", async () => {
  test.setTimeout(120_000);
  const f = new Findings();
  const pages = [
    "/scenes/{}",
    "/products/{}",
    "/templates?product={}",
    "/templates/variations?product={}",
    "/settings/billing?checkout={}",
    "/products?welcome={}",
    "/reset-password?token={}",
    "/render/session?token={}",
    "/render/sample?product={}&w={}&h={}&gradient={}",
    "/render/template?id={}&product={}&palette={}",
    "/sign-in?callbackUrl={}",
    "/sign-in?error={}",
  ];
  for (const page of pages) {
    for (const [name, s] of Object.entries(STRINGS)) {
      await f.send(`GET ${page} with ${name}`, () =>
        member.api.get(page.replaceAll("{}", enc(s)), { maxRedirects: 0 }),
      );
    }
  }
  // The active-workspace cookie is the client's to write: junk in it names no workspace.
  const state = await member.api.storageState();
  for (const [name, s] of Object.entries(STRINGS)) {
    const cookies = [
      ...state.cookies.filter((c) => c.name !== "plinth_ws"),
      {
        name: "plinth_ws",
        value: enc(s, 3000),
        domain: "localhost",
        path: "/",
        expires: -1,
        httpOnly: true,
        secure: false,
        sameSite: "Lax" as const,
      },
    ];
    const ctx = await pwRequest.newContext({ baseURL: BASE_URL, storageState: { cookies, origins: [] } });
    await f.send(`GET /api/products with workspace cookie ${name}`, () => ctx.get("/api/products"));
    await f.send(`GET /products with workspace cookie ${name}`, () => ctx.get("/products", { maxRedirects: 0 }));
    await ctx.dispose();
  }
  expect(f.serverErrors).toEqual([]);
});

/** A server action's id and a page it is posted from, read from the build's manifest. */
function serverAction(exportName: string): { id: string; page: string } {
  const manifest = JSON.parse(
    fs.readFileSync(
      path.join(process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json"),
      "utf8",
    ),
  );
  for (const [id, entry] of Object.entries(
    manifest.node as Record<string, { workers: Record<string, unknown>; exportedName?: string }>,
  )) {
    const worker = Object.keys(entry.workers).find((w) => !w.includes("["));
    if (entry.exportedName === exportName && worker)
      return {
        id,
        page:
          "/" +
          worker
            .replace(/^app\//, "")
            .replace(/\/page$/, "")
            .replace(/\([^)]*\)\//g, ""),
      };
  }
  throw new Error(`no server action ${exportName} in the build`);
}

test("server actions: malformed requests are refused with a 4xx, fuzzed arguments get field messages", async () => {
  const f = new Findings();
  const { id, page } = serverAction("renameSceneAction");
  const action = (body: string | Record<string, string>, headers: Record<string, string> = {}) => ({
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", ...headers },
    ...(typeof body === "string" ? { data: body } : { multipart: body }),
    maxRedirects: 0,
  });
  const malformed: Record<string, Parameters<APIRequestContext["post"]>[1]> = {
    "unknown action id": {
      ...action("[]"),
      headers: { "next-action": "7f" + "0".repeat(40), "content-type": "text/plain" },
    },
    "junk action id": {
      ...action("[]"),
      headers: { "next-action": "junk\u00ff".replace(/[^\x20-\x7e]/g, "?"), "content-type": "text/plain" },
    },
    "body not JSON": action("garbage"),
    "reference to a missing part": action('["$1"]'),
    "bad bigint": action('["$nabc"]'),
    "a promise": action('["$@0"]'),
    "not an argument list": action('{"id":"x"}'),
    "broken multipart": action("nonsense", { "content-type": "multipart/form-data; boundary=xyz" }),
    "multipart without the root part": action({ "1_name": "x" }),
    "form post naming an unknown action": { multipart: { ["$ACTION_ID_7f" + "0".repeat(40)]: "" }, maxRedirects: 0 },
    "form post naming a junk action": { multipart: { $ACTION_ID_junk: "" }, maxRedirects: 0 },
    "form post with a bound action": {
      multipart: { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"zz","bound":null}' },
      maxRedirects: 0,
    },
    "from another site": action('[{"id":"x","name":"y"}]', { origin: "http://evil.example" }),
    "2 MB body": action(`["${"x".repeat(2_000_000)}"]`),
  };
  const statuses: string[] = [];
  for (const [why, options] of Object.entries(malformed)) {
    const res = await f.send(`action ${why}`, () => member.api.post(page, options));
    statuses.push(`${why}: ${res?.status()}`);
    if (res) expect(res.status(), `${why}: ${(await res.text()).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  }
  console.log(statuses.join("\n"));
  // Well-formed calls with fuzzed arguments reach the action, which answers with field messages.
  for (const [name, s] of Object.entries({ ...STRINGS, ...VALUES })) {
    for (const args of [[{ id: s, name: "Fine" }], [{ id: ids.sceneId, name: s }], [s]]) {
      const res = await f.send(`renameSceneAction(${JSON.stringify(args).slice(0, 60)}) ${name}`, () =>
        member.api.post(page, action(JSON.stringify(args))),
      );
      if (
        res &&
        name === "NUL" &&
        args.length === 1 &&
        typeof args[0] === "object" &&
        (args[0] as { name: unknown }).name === s
      ) {
        expect(await res.text()).toContain("NUL character");
      }
    }
  }
  expect(f.serverErrors).toEqual([]);
});
