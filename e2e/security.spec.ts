import fs from "node:fs";
import path from "node:path";
import { expect, request as pwRequest, test } from "@playwright/test";
import { PNG } from "pngjs";
import { BASE_URL, E2E_DATA_DIR } from "../playwright.config";
import { MODELS_DIR } from "./fixtures/models";
import {
  API_ROUTES,
  enumerateRoutes,
  glb,
  groupRequest,
  PUBLIC_ROUTES,
  WORKSPACE_ROUTES,
  type Ids,
} from "./fixtures/routes";
import { PERMISSIONS, roleCan, type Permission } from "../lib/auth/permissions";
import { declaredRouteCallers, withRenderToken } from "./fixtures/route-callers";
import {
  actIn,
  authSecret,
  closeSqlPools,
  renderToken,
  sameOrigin,
  signedInApi,
  sql,
  type Member,
} from "./fixtures/session";

/**
 * Security over HTTP against the production e2e server: tenant isolation for
 * every route handler (kept in sync with app/api by enumerating it), roles,
 * render tokens, security headers and an upload fuzzer.
 * Server actions are covered in tests/integration/security-actions.test.ts.
 */

const SAMPLE = "sample_kraft-box";

/** A digest of everything a workspace owns: any change by an outsider shows up here. */
async function workspaceDigest(workspaceId: string): Promise<Record<string, string>> {
  const tables = [
    "products",
    "scenes",
    "workspace_templates",
    "template_thumbnails",
    "render_batches",
    "render_outputs",
    "credit_ledger",
    "brand_kits",
    "workspace_billing",
    "memberships",
    "viewers",
    "albums",
    "album_items",
    "album_links",
    "review_comments",
    "review_decisions",
  ];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [row] = await sql<{ n: string; h: string }>(
      `select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${t} t where workspace_id = $1`,
      [workspaceId],
    );
    out[t] = `${row.n}:${row.h}`;
  }
  return out;
}

function writeStored(key: string, bytes: Buffer) {
  const file = path.join(E2E_DATA_DIR, "storage", key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}

let owner: Member; // workspace B: owns the data everybody else aims at
let outsider: Member; // workspace A
let ids: Ids;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  owner = await signedInApi();
  outsider = await signedInApi();
  // Workspace B's data: an uploaded product, a scene, a workspace template, an export with a finished output, a finished preview.
  const up = await owner.api.post("/api/products", { multipart: glb() });
  expect(up.status(), await up.text()).toBe(201);
  const productId = (await up.json()).product.id as string;
  const scene = await owner.api.post("/api/scenes", { data: { productId: SAMPLE } });
  expect(scene.status()).toBe(201);
  const sceneId = (await scene.json()).id as string;
  const tpl = await owner.api.post("/api/templates/custom", { data: { sceneId, name: "Mine" } });
  expect(tpl.status(), await tpl.text()).toBe(201);
  const tplBody = await tpl.json();
  const templateId = (tplBody.template?.id ?? tplBody.id) as string;
  expect(templateId).toBeTruthy();
  const exp = await owner.api.post(`/api/scenes/${sceneId}/export`, {
    data: { outputs: [{ label: "1:1", width: 256, height: 256 }], quality: "draft" },
  });
  expect(exp.status(), await exp.text()).toBe(201);
  const batchId = (await exp.json()).batchId as string;
  const [{ id: outputId }] = await sql<{ id: string }>("select id from render_outputs where batch_id = $1", [batchId]);
  // No worker runs in this spec: finish the output by hand. Its queued job is deleted first: a worker left alive by
  // another spec (or started while this one runs) could otherwise claim it and mark the output rendering or failed
  // under this test (seen once in CI: the share link's thumbnail 404 on a first try, 200 on the retry).
  await sql("delete from pgboss.job where name = 'render-output' and singleton_key = $1", [outputId]);
  const image = PNG.sync.write(new PNG({ width: 256, height: 256 }));
  const outputKey = `workspaces/${owner.workspaceId}/renders/${batchId}/${outputId}.png`;
  writeStored(outputKey, image);
  await sql(
    "update render_outputs set status = 'done', file_key = $2, bytes = $3, started_at = now(), finished_at = now() where id = $1",
    [outputId, outputKey, image.length],
  );
  const thumbnailId = `tth_sec${Date.now().toString(36)}`;
  const thumbKey = `workspaces/${owner.workspaceId}/thumbnails/${thumbnailId}.png`;
  writeStored(thumbKey, image);
  await sql(
    "insert into template_thumbnails (id, workspace_id, cache_key, template_id, product_id, snapshot, width, height, status, file_key) select $1, $2, $3, 'studio', $4, snapshot, 64, 64, 'done', $5 from render_outputs where id = $6",
    [thumbnailId, owner.workspaceId, `sec-${thumbnailId}`, SAMPLE, thumbKey, outputId],
  );
  const document = (await (await owner.api.get(`/api/scenes/${sceneId}`)).json()).scene.document;
  const published = await owner.api.post(`/api/products/${SAMPLE}/viewers`, { data: {} });
  expect(published.status(), await published.text()).toBe(201);
  const viewerId = (await published.json()).viewer.id as string;
  const hook = await owner.api.post("/api/webhooks", {
    data: { url: "https://hooks.example.com/in", events: ["render.failed"] },
  });
  expect(hook.status(), await hook.text()).toBe(201);
  const webhookId = (await hook.json()).endpoint.id as string;
  const group = await owner.api.post("/api/renders/groups", {
    data: groupRequest({ productId, templateId } as Ids),
  });
  expect(group.status(), await group.text()).toBe(201);
  const groupId = (await group.json()).groupId as string;
  // A share album with that output, a live link (downloads off, review on) and a comment.
  const album = await owner.api.post("/api/albums", { data: { title: "Launch" } });
  expect(album.status(), await album.text()).toBe(201);
  const albumId = (await album.json()).id as string;
  const filled = await owner.api.post(`/api/albums/${albumId}/items`, { data: { outputIds: [outputId] } });
  expect(filled.status(), await filled.text()).toBe(200);
  const itemId = (await filled.json()).items[0].id as string;
  const link = await owner.api.post(`/api/albums/${albumId}/links`, { data: { allowReview: true } });
  expect(link.status(), await link.text()).toBe(201);
  const linkBody = await link.json();
  const comment = await owner.api.post("/api/reviews/comments", {
    data: { outputId, albumId, body: "Crop tighter", pin: { x: 0.5, y: 0.5 } },
  });
  expect(comment.status(), await comment.text()).toBe(201);
  ids = {
    albumId,
    itemId,
    linkId: linkBody.link.id as string,
    shareToken: (linkBody.path as string).replace(/^\/s\//, ""),
    commentId: (await comment.json()).id as string,
    document,
    productId,
    sceneId,
    templateId,
    thumbnailId,
    batchId,
    outputId,
    workspaceId: owner.workspaceId,
    viewerId,
    webhookId,
    groupId,
  };

  // The seeded data is really reachable by its owner, so a 404 below means "refused", not "broken".
  for (const [url, type] of [
    [`/api/products/${productId}`, "json"],
    [`/api/scenes/${sceneId}`, "json"],
    [`/api/renders/outputs/${outputId}/file`, "image/png"],
    [`/api/templates/thumbnails/${thumbnailId}`, "image/"],
    [`/api/renders/batches/${batchId}/zip`, "zip"],
    [`/api/albums/${albumId}`, "json"],
    [`/api/reviews?ids=${outputId}`, "json"],
  ]) {
    const res = await owner.api.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()["content-type"], url).toContain(type);
  }
});

test.afterAll(async () => {
  await owner?.api.dispose();
  await outsider?.api.dispose();
  await closeSqlPools();
});

test("the matrix covers every route handler in app/api (public ones listed with a reason)", () => {
  const routes = enumerateRoutes();
  expect(routes.length).toBeGreaterThan(20);
  const uncovered = routes.filter((r) => !(r in WORKSPACE_ROUTES) && !(r in PUBLIC_ROUTES) && !(r in API_ROUTES));
  expect(
    uncovered,
    "new route handlers: add them to WORKSPACE_ROUTES or PUBLIC_ROUTES in e2e/fixtures/routes.ts",
  ).toEqual([]);
  const stale = [...Object.keys(WORKSPACE_ROUTES), ...Object.keys(PUBLIC_ROUTES), ...Object.keys(API_ROUTES)].filter(
    (r) => !routes.includes(r),
  );
  expect(stale, "routes in the matrix that no longer exist").toEqual([]);
});

test("tenant isolation: another workspace's member gets 404 on every route and nothing changes", async () => {
  test.setTimeout(120_000);
  const before = await workspaceDigest(owner.workspaceId);
  const outsiderBefore = await workspaceDigest(outsider.workspaceId);
  const failures: string[] = [];
  // 1. Ids of B from A's own workspace.
  for (const [key, { call, id }] of Object.entries(WORKSPACE_ROUTES)) {
    if (!id) continue;
    const res = await call(outsider.api, ids);
    if (res.status() !== 404)
      failures.push(`${key} (own workspace, B's ids): ${res.status()} ${(await res.text()).slice(0, 120)}`);
  }
  // 2. A claiming B as the active workspace: every workspace route, id or not.
  await actIn(outsider, owner.workspaceId);
  for (const [key, { call }] of Object.entries(WORKSPACE_ROUTES)) {
    const res = await call(outsider.api, ids);
    if (res.status() !== 404)
      failures.push(`${key} (B as active workspace): ${res.status()} ${(await res.text()).slice(0, 120)}`);
  }
  // Pages in B's workspace do not show B's data either (the page falls back to A's own workspace).
  const page = await outsider.api.get(`/scenes/${ids.sceneId}`);
  expect([404, 200]).toContain(page.status());
  if (page.status() === 200) expect(await page.text()).not.toContain(ids.sceneId + '"');
  await actIn(outsider, outsider.workspaceId);
  expect(failures).toEqual([]);
  expect(await workspaceDigest(owner.workspaceId)).toEqual(before);
  expect(await workspaceDigest(outsider.workspaceId)).toEqual(outsiderBefore);
});

test("roles: a viewer cannot create, edit, delete or export; an editor cannot manage billing", async () => {
  test.setTimeout(120_000);
  const viewer = await signedInApi();
  const editor = await signedInApi();
  await sql("insert into memberships (workspace_id, user_id, role) values ($1, $2, 'viewer'), ($1, $3, 'editor')", [
    owner.workspaceId,
    viewer.userId,
    editor.userId,
  ]);
  await actIn(viewer, owner.workspaceId);
  await actIn(editor, owner.workspaceId);
  try {
    const before = await workspaceDigest(owner.workspaceId);
    const viewerDenied = [
      "POST /api/products",
      "PATCH /api/products/[productId]",
      "DELETE /api/products/[productId]",
      "POST /api/scenes",
      "PUT /api/scenes/[sceneId]",
      "PATCH /api/scenes/[sceneId]",
      "DELETE /api/scenes/[sceneId]",
      "POST /api/scenes/[sceneId]/export",
      "POST /api/templates/custom",
      "DELETE /api/templates/custom/[templateId]",
      "POST /api/templates/use",
      "DELETE /api/renders/batches/[batchId]",
      "PUT /api/brand-kit",
      "POST /api/variations",
      "POST /api/variations/keep",
      "POST /api/billing/checkout",
      "POST /api/billing/portal",
      "GET /api/billing/portal",
    ];
    // A viewer may look at the gallery's existing previews but queues none (the digest below stays the same).
    const viewerAllowed = [
      "GET /api/products",
      "GET /api/products/[productId]",
      "GET /api/scenes/[sceneId]",
      "GET /api/renders",
      "GET /api/renders/outputs/[outputId]/file",
      "GET /api/brand-kit",
      "POST /api/templates/previews",
    ];
    const editorDenied = ["POST /api/billing/checkout", "POST /api/billing/portal", "GET /api/billing/portal"];
    const got: string[] = [];
    for (const key of viewerDenied)
      got.push(`viewer ${key} ${(await WORKSPACE_ROUTES[key].call(viewer.api, ids)).status()}`);
    for (const key of viewerAllowed)
      got.push(`viewer ${key} ${(await WORKSPACE_ROUTES[key].call(viewer.api, ids)).status()}`);
    for (const key of editorDenied)
      got.push(`editor ${key} ${(await WORKSPACE_ROUTES[key].call(editor.api, ids)).status()}`);
    expect(got).toEqual([
      ...viewerDenied.map((k) => `viewer ${k} 403`),
      ...viewerAllowed.map((k) => `viewer ${k} 200`),
      ...editorDenied.map((k) => `editor ${k} 403`),
    ]);
    expect(await workspaceDigest(owner.workspaceId)).toEqual(before);
    // The editor can edit (the 403s above are about the role, not a broken route).
    const renamed = await editor.api.patch(`/api/scenes/${ids.sceneId}`, { data: { name: "Edited by editor" } });
    expect(renamed.status()).toBe(200);
    // Member management has no HTTP surface (settings only lists members); renameWorkspaceAction (owner) is checked in tests/integration/security-actions.test.ts.
  } finally {
    await viewer.api.dispose();
    await editor.api.dispose();
  }
});

test("every route declares its caller: workspace routes a permission, render assets a render token, hand-written only the public ones", () => {
  const declared = declaredRouteCallers();
  const kinds = Object.fromEntries(
    Object.entries(declared).map(([key, d]) => [key, d.startsWith("permission ") ? "workspaceRoute" : d]),
  );
  const want: Record<string, string> = {};
  for (const key of Object.keys(WORKSPACE_ROUTES)) want[key] = "workspaceRoute";
  for (const key of Object.keys(API_ROUTES)) want[key] = "api key";
  for (const key of Object.keys(PUBLIC_ROUTES))
    want[key] = key.includes("/api/render-assets/")
      ? "render token"
      : key.startsWith("GET /api/v/")
        ? "viewer token"
        : key.includes(" /api/s/") && !key.endsWith("/unlock")
          ? "share token"
          : "hand-written";
  expect(kinds).toEqual(want);
  // Every declared permission is one the table knows (a typo would make a route nobody may call).
  const unknown = Object.entries(declared).filter(
    ([, d]) => d.startsWith("permission ") && !PERMISSIONS.includes(d.slice(11) as Permission),
  );
  expect(unknown).toEqual([]);
});

test("per caller type: no caller and a render token get 401 everywhere; each role gets exactly its permissions", async () => {
  test.setTimeout(180_000);
  const declared = declaredRouteCallers();
  const nobody = await pwRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: sameOrigin() });
  const viewer = await signedInApi();
  const editor = await signedInApi();
  await sql("insert into memberships (workspace_id, user_id, role) values ($1, $2, 'viewer'), ($1, $3, 'editor')", [
    owner.workspaceId,
    viewer.userId,
    editor.userId,
  ]);
  await actIn(viewer, owner.workspaceId);
  await actIn(editor, owner.workspaceId);
  const before = await workspaceDigest(owner.workspaceId);
  try {
    const got: string[] = [];
    const want: string[] = [];
    // No caller, then a valid render token for B's output (a render token is no session): 401 from every workspace route.
    const token = withRenderToken(nobody, renderToken(ids.outputId));
    for (const [who, api] of [
      ["nobody", nobody],
      ["render token", token],
    ] as const) {
      for (const [key, { call }] of Object.entries(WORKSPACE_ROUTES)) {
        got.push(`${who} ${key} ${(await call(api, ids)).status()}`);
        want.push(`${who} ${key} 401`);
      }
    }
    // Members: a route whose permission the role lacks is 403 (from the table, lib/auth/permissions.ts); the reads it
    // holds answer what they answer the owner (a product thumbnail no worker drew is 404 to everyone), and a viewer's
    // preview request answers 200 and queues nothing. Changes are not made here: the digest below stays the same.
    for (const [role, member] of [
      ["viewer", viewer],
      ["editor", editor],
    ] as const) {
      for (const [key, { call }] of Object.entries(WORKSPACE_ROUTES)) {
        const permission = declared[key].replace(/^permission /, "") as Permission;
        const allowed = roleCan(role, permission);
        const queuesNothing = key === "POST /api/templates/previews" && !roleCan(role, "previews.queue");
        if (allowed && !key.startsWith("GET ") && !queuesNothing) continue;
        got.push(`${role} ${key} ${(await call(member.api, ids)).status()}`);
        want.push(`${role} ${key} ${!allowed ? 403 : queuesNothing ? 200 : (await call(owner.api, ids)).status()}`);
      }
    }
    expect(got).toEqual(want);
    expect(await workspaceDigest(owner.workspaceId)).toEqual(before);
  } finally {
    await nobody.dispose();
    await viewer.api.dispose();
    await editor.api.dispose();
  }
});

test("share-link caller: its own album's items only, downloads refused when off, and no session anywhere", async () => {
  const guest = await pwRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: sameOrigin() });
  try {
    const file = (token: string, itemId: string, variant: string) =>
      guest.get(`/api/s/${token}/items/${itemId}/${variant}`);
    const thumb = await file(ids.shareToken, ids.itemId, "thumb");
    const outputRow = async () =>
      JSON.stringify(await sql("select status, file_key, error from render_outputs where id = $1", [ids.outputId]));
    expect(thumb.status(), thumb.status() === 200 ? "" : await outputRow()).toBe(200);
    expect(thumb.headers()["cache-control"]).toContain("no-store");
    expect(thumb.headers()["x-robots-tag"]).toContain("noindex");
    expect((await file(ids.shareToken, ids.itemId, "download")).status()).toBe(403);
    const tampered = ids.shareToken.slice(0, -1) + (ids.shareToken.endsWith("A") ? "B" : "A");
    for (const [why, token, itemId] of [
      ["an output id instead of an item", ids.shareToken, ids.outputId],
      ["the album id", ids.shareToken, ids.albumId],
      ["a tampered token", tampered, ids.itemId],
      ["the link id as token", ids.linkId, ids.itemId],
    ]) {
      expect((await file(token, itemId, "thumb")).status(), why).toBe(404);
    }
    // Holding a share link is no session: every workspace route answers 401.
    const got: string[] = [];
    for (const [key, { call }] of Object.entries(WORKSPACE_ROUTES)) {
      const status = (await call(guest, ids)).status();
      if (status !== 401) got.push(`${key} ${status}`);
    }
    expect(got).toEqual([]);
  } finally {
    await guest.dispose();
  }
});

test("render session page and render assets refuse missing, expired, tampered and foreign tokens", async () => {
  const api = outsider.api; // any client: these routes take no session
  const tamper = (t: string) => t.slice(0, -2) + (t.at(-2) === "A" ? "B" : "A") + t.at(-1);
  const session = renderToken("session");
  const badSessionTokens: Record<string, string | null> = {
    missing: null,
    garbage: "not-a-token",
    expired: renderToken("session", { ttlSeconds: -5 }),
    tampered: tamper(session),
    "longer expiry, same mac": session.replace(/^\d+/, (n) => String(Number(n) + 3600)),
    "for an output": renderToken(ids.outputId),
    "other secret": renderToken("session", { secret: "not-the-server-secret" }),
    // Render tokens have their own key: the session secret (which the worker no longer holds) signs none.
    "session secret": renderToken("session", { secret: authSecret() }),
  };
  for (const [why, token] of Object.entries(badSessionTokens)) {
    const res = await api.get(`/render/session${token === null ? "" : `?token=${encodeURIComponent(token)}`}`);
    expect(res.status(), `/render/session with ${why} token`).toBe(404);
  }
  expect((await api.get(`/render/session?token=${encodeURIComponent(session)}`)).status()).toBe(200);

  const asset = (outputId: string, productId: string, token: string | null) =>
    api.get(
      `/api/render-assets/${outputId}/${productId}${token === null ? "" : `?token=${encodeURIComponent(token)}`}`,
    );
  const good = renderToken(ids.outputId);
  const badAssetTokens: Record<string, string | null> = {
    missing: null,
    expired: renderToken(ids.outputId, { ttlSeconds: -5 }),
    tampered: tamper(good),
    "for another output": renderToken("rnd_someoneelse"),
    "the session token": session,
  };
  for (const [why, token] of Object.entries(badAssetTokens)) {
    expect((await asset(ids.outputId, SAMPLE, token)).status(), `render asset with ${why} token`).toBe(404);
  }
  // A valid token opens only the products of that output's frozen scene.
  expect((await asset(ids.outputId, ids.productId, good)).status()).toBe(404);
  const ok = await asset(ids.outputId, SAMPLE, good);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toBe("model/gltf-binary");

  const thumbAsset = (token: string | null) =>
    api.get(
      `/api/render-assets/thumbnails/${ids.thumbnailId}/${SAMPLE}${token === null ? "" : `?token=${encodeURIComponent(token)}`}`,
    );
  const thumbToken = renderToken(`thumbnail:${ids.thumbnailId}`);
  expect((await thumbAsset(null)).status()).toBe(404);
  expect((await thumbAsset(renderToken(`thumbnail:${ids.thumbnailId}`, { ttlSeconds: -5 }))).status()).toBe(404);
  expect((await thumbAsset(tamper(thumbToken))).status()).toBe(404);
  expect((await thumbAsset(renderToken(ids.thumbnailId))).status()).toBe(404);
  expect((await thumbAsset(good)).status()).toBe(404);
  expect((await thumbAsset(thumbToken)).status()).toBe(200);

  // A product thumbnail's model: only with a token bound to that very product.
  const productAsset = (productId: string, token: string | null) =>
    api.get(`/api/render-assets/products/${productId}${token === null ? "" : `?token=${encodeURIComponent(token)}`}`);
  const productToken = renderToken(`product:${ids.productId}`);
  expect((await productAsset(ids.productId, null)).status()).toBe(404);
  expect(
    (await productAsset(ids.productId, renderToken(`product:${ids.productId}`, { ttlSeconds: -5 }))).status(),
  ).toBe(404);
  expect((await productAsset(ids.productId, tamper(productToken))).status()).toBe(404);
  expect((await productAsset(ids.productId, renderToken(ids.productId))).status()).toBe(404);
  expect((await productAsset(ids.productId, good)).status()).toBe(404);
  expect((await productAsset(ids.productId, thumbToken)).status()).toBe(404);
  const productOk = await productAsset(ids.productId, productToken);
  expect(productOk.status()).toBe(200);
  expect(productOk.headers()["content-type"]).toBe("model/gltf-binary");
});

test("security headers on pages and API routes", async () => {
  const urls = [
    "/",
    "/pricing",
    "/sign-in",
    "/sign-up",
    "/products",
    "/templates",
    "/renders",
    "/settings",
    "/settings/billing",
    `/scenes/${ids.sceneId}`,
    `/render/session?token=${encodeURIComponent(renderToken("session"))}`,
    "/render/session",
    "/api/products",
    "/api/renders",
    "/api/auth/csrf",
    "/api/products/prd_nope",
    "/no-such-page",
  ];
  const problems: string[] = [];
  for (const url of urls) {
    const res = await owner.api.get(url, { maxRedirects: 0 });
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    const where = `${url} (${res.status()})`;
    if (!csp) problems.push(`${where}: no Content-Security-Policy`);
    else {
      if (!/default-src 'self'/.test(csp)) problems.push(`${where}: CSP without default-src 'self'`);
      if (/script-src[^;]*'unsafe-eval'/.test(csp)) problems.push(`${where}: CSP allows unsafe-eval in production`);
      if (!/object-src 'none'/.test(csp)) problems.push(`${where}: CSP without object-src 'none'`);
      const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? "";
      if (/'unsafe-inline'/.test(scriptSrc)) problems.push(`${where}: script-src allows 'unsafe-inline'`);
      // Pages: a per-request nonce, and every script tag of the page carries it (API answers run no scripts).
      if (!url.startsWith("/api/")) {
        const nonce = /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(scriptSrc)?.[1];
        const tags = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        if (!nonce) problems.push(`${where}: page CSP without a script nonce`);
        else if (tags.length === 0) problems.push(`${where}: no script tags (is this page served?)`);
        else {
          const bare = tags.filter((tag) => !tag.includes(`nonce="${nonce}"`));
          if (bare.length)
            problems.push(`${where}: ${bare.length} script tags without the nonce, e.g. ${bare[0].slice(0, 80)}`);
        }
      }
    }
    // JSON answers are per user: never cached. Plain http (no https proxy in front): no HSTS.
    if (url.startsWith("/api/") && !/no-store/.test(h["cache-control"] ?? ""))
      problems.push(`${where}: JSON without Cache-Control no-store`);
    if (h["strict-transport-security"]) problems.push(`${where}: HSTS over plain http`);
    if (!/frame-ancestors 'none'/.test(csp) && !/^(DENY|SAMEORIGIN)$/i.test(h["x-frame-options"] ?? ""))
      problems.push(`${where}: can be framed`);
    if (!h["referrer-policy"]) problems.push(`${where}: no Referrer-Policy`);
    if (h["x-content-type-options"] !== "nosniff") problems.push(`${where}: no nosniff`);
    if (h["x-powered-by"]) problems.push(`${where}: X-Powered-By ${h["x-powered-by"]}`);
  }
  expect(problems).toEqual([]);
});

/** mulberry32: a tiny seeded PRNG, so the fuzzed inputs are the same on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fuzzCases(count: number, seed = 0x5eed8): { name: string; bytes: Buffer; how: string }[] {
  const rand = prng(seed);
  const models = fs
    .readdirSync(MODELS_DIR)
    .filter((f) => f.endsWith(".glb"))
    .sort();
  const cases = [];
  for (let i = 0; i < count; i++) {
    const model = models[i % models.length];
    const bytes = Buffer.from(fs.readFileSync(path.join(MODELS_DIR, model)));
    const kind = i % 4;
    let how: string;
    let out: Buffer = bytes;
    if (kind === 0) {
      const n = 1 + Math.floor(rand() * 64);
      for (let k = 0; k < n; k++) bytes[Math.floor(rand() * bytes.length)] ^= 1 + Math.floor(rand() * 255);
      how = `${n} byte flips anywhere`;
    } else if (kind === 1) {
      const cut = Math.floor(rand() * bytes.length);
      out = bytes.subarray(0, cut);
      how = `truncated to ${cut} bytes`;
    } else if (kind === 2) {
      // The GLB header and JSON chunk header: lengths, magic, chunk types.
      const n = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < n; k++) bytes[Math.floor(rand() * 28)] ^= 1 + Math.floor(rand() * 255);
      how = `${n} flips in the first 28 bytes`;
    } else {
      // The JSON chunk: mangled accessors, buffer views, extensions.
      const jsonLength = bytes.readUInt32LE(12);
      const n = 1 + Math.floor(rand() * 8);
      for (let k = 0; k < n; k++) bytes[20 + Math.floor(rand() * jsonLength)] = 0x20 + Math.floor(rand() * 0x5f);
      const cut = rand() < 0.5 ? bytes.length : 20 + jsonLength + Math.floor(rand() * (bytes.length - 20 - jsonLength));
      out = bytes.subarray(0, cut);
      how = `${n} JSON chunk bytes replaced${cut < bytes.length ? `, truncated to ${cut}` : ""}`;
    }
    cases.push({ name: `fuzz-${i}-${model}`, bytes: out, how });
  }
  return cases;
}

test("upload fuzzer: 20 mangled models are refused (4xx) or accepted, never a 5xx, and the server stays up", async () => {
  test.setTimeout(300_000);
  const uploader = await signedInApi();
  try {
    const results: string[] = [];
    const serverErrors: string[] = [];
    for (const c of fuzzCases(20)) {
      const started = Date.now();
      const res = await uploader.api.post("/api/products", {
        multipart: { files: { name: c.name, mimeType: "model/gltf-binary", buffer: c.bytes } },
        timeout: 60_000,
      });
      const line = `${c.name} (${c.how}): ${res.status()} in ${Date.now() - started} ms`;
      results.push(line);
      if (res.status() >= 500 || res.status() < 200 || (res.status() >= 300 && res.status() < 400))
        serverErrors.push(`${line} ${(await res.text()).slice(0, 200)}`);
    }
    console.log(results.join("\n"));
    expect(serverErrors).toEqual([]);
    const follow = await uploader.api.get("/api/products");
    expect(follow.status()).toBe(200);
    const fine = await uploader.api.post("/api/products", { multipart: glb() });
    expect(fine.status()).toBe(201);
  } finally {
    await uploader.api.dispose();
  }
});
