import http from "node:http";
import { expect, request as pwRequest, test } from "@playwright/test";
import type { APIRequestContext, APIResponse, ConsoleMessage } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { newAccount } from "./fixtures/accounts";
import { glb } from "./fixtures/routes";
import { closeSqlPools, signedInApi, sql, type Member } from "./fixtures/session";

/**
 * The HTTP layer's guards against the production e2e server (lib/http):
 * cross-site writes refused by Origin, JSON only as application/json, body
 * size caps that stop reading early, and pages whose scripts run under a
 * nonce CSP. The header list itself is checked in security.spec.ts.
 */

const EVIL = "https://evil.example";
let owner: Member;
let sceneId: string;

test.beforeAll(async () => {
  owner = await signedInApi();
  const scene = await owner.api.post("/api/scenes", { data: { productId: "sample_kraft-box" } });
  expect(scene.status(), await scene.text()).toBe(201);
  sceneId = (await scene.json()).id;
});

test.afterAll(async () => {
  await owner?.api.dispose();
  await closeSqlPools();
});

/** The owner's cookies on a fresh context that sends exactly `headers` (no Origin unless given). */
async function ownerContext(headers: Record<string, string>): Promise<APIRequestContext> {
  const storageState = await owner.api.storageState();
  return pwRequest.newContext({ baseURL: BASE_URL, storageState, extraHTTPHeaders: headers });
}

async function ownerState() {
  const [scene] = await sql("select name, document, updated_at from scenes where id = $1", [sceneId]);
  const [counts] = await sql(
    `select (select count(*) from scenes where workspace_id = $1) as scenes,
            (select count(*) from products where workspace_id = $1) as products`,
    [owner.workspaceId],
  );
  return { scene, counts };
}

const TINY_GLB = { name: "x.glb", mimeType: "model/gltf-binary", buffer: Buffer.from("glTF") };

/** State-changing calls on the owner's own data, one per method and body kind. */
const WRITES: Record<string, (api: APIRequestContext) => Promise<APIResponse>> = {
  "POST /api/scenes": (a) => a.post("/api/scenes", { data: { productId: "sample_kraft-box" } }),
  "PATCH /api/scenes/:id": (a) => a.patch(`/api/scenes/${sceneId}`, { data: { name: "renamed by another site" } }),
  "PUT /api/scenes/:id": (a) => a.put(`/api/scenes/${sceneId}`, { data: { document: {} } }),
  "DELETE /api/scenes/:id": (a) => a.delete(`/api/scenes/${sceneId}`),
  "POST /api/products (multipart)": (a) => a.post("/api/products", { multipart: { files: TINY_GLB } }),
  "PUT /api/brand-kit": (a) => a.put("/api/brand-kit", { data: { skip: true } }),
  "POST /api/billing/portal": (a) => a.post("/api/billing/portal", { data: {} }),
};

test("signed-in writes from another site, or with no proof of origin, get 403 and change nothing", async () => {
  const before = await ownerState();
  const attackers: Record<string, Record<string, string>> = {
    "a foreign Origin": { origin: EVIL },
    "Origin null": { origin: "null" },
    "a look-alike Origin": { origin: `${BASE_URL}.evil.example` },
    "a sibling site (Sec-Fetch-Site same-site, no Origin)": { "sec-fetch-site": "same-site" },
    "no Origin at all": {},
  };
  const failures: string[] = [];
  for (const [who, headers] of Object.entries(attackers)) {
    const api = await ownerContext(headers);
    for (const [what, call] of Object.entries(WRITES)) {
      const res = await call(api);
      const body = await res.json().catch(() => null);
      if (res.status() !== 403 || body?.error?.code !== "forbidden") {
        failures.push(`${what} with ${who}: ${res.status()} ${JSON.stringify(body).slice(0, 120)}`);
      }
    }
    await api.dispose();
  }
  expect(failures).toEqual([]);
  expect(await ownerState()).toEqual(before);

  // The same cookies from this app's own pages pass: by Origin, or by Sec-Fetch-Site alone.
  for (const headers of [{ origin: BASE_URL }, { "sec-fetch-site": "same-origin" }] as Record<string, string>[]) {
    const api = await ownerContext(headers);
    const res = await api.patch(`/api/scenes/${sceneId}`, { data: { name: "renamed here" } });
    expect(res.status(), JSON.stringify(headers)).toBe(200);
    await api.dispose();
  }
  // Reads are never refused for their origin (links and the render worker send none).
  const reader = await ownerContext({ origin: EVIL });
  expect((await reader.get(`/api/scenes/${sceneId}`)).status()).toBe(200);
  await reader.dispose();
});

test("sign-up: refused from another site, open to a client without cookies or Origin", async () => {
  const anonymous = await pwRequest.newContext({ baseURL: BASE_URL });
  try {
    const foreign = await anonymous.post("/api/signup", { data: newAccount(), headers: { origin: EVIL } });
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).error.message).toMatch(/another site/);
    expect((await anonymous.post("/api/signup", { data: newAccount() })).status()).toBe(201);
  } finally {
    await anonymous.dispose();
  }
});

test("JSON bodies only as application/json: a form or text post gets 415 and changes nothing", async () => {
  const before = await ownerState();
  const json = JSON.stringify({ name: "renamed by a form" });
  const text = { "content-type": "text/plain" };
  const attempts: [string, Promise<APIResponse>][] = [
    ["text/plain", owner.api.patch(`/api/scenes/${sceneId}`, { data: json, headers: text })],
    ["urlencoded form", owner.api.patch(`/api/scenes/${sceneId}`, { form: { name: "renamed by a form" } })],
    ["multipart form", owner.api.patch(`/api/scenes/${sceneId}`, { multipart: { name: "renamed by a form" } })],
    ["sign-up as text/plain", owner.api.post("/api/signup", { data: JSON.stringify(newAccount()), headers: text })],
  ];
  for (const [what, pending] of attempts) {
    const res = await pending;
    expect(res.status(), what).toBe(415);
    expect((await res.json()).error.message, what).toMatch(/application\/json/);
  }
  expect(await ownerState()).toEqual(before);
});

type Streamed = { status: number; body: string; sentAtResponse: number; total: number };

/**
 * POSTs `total` bytes in 64 KB chunks (chunked, or with a declared length) and
 * notes how much had been sent when the answer came: a server that reads the
 * whole body answers only after the last chunk.
 */
function streamBody(method: string, path: string, total: number, headers: Record<string, string>): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${BASE_URL}${path}`, { method, headers });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      const sentAtResponse = sent;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentAtResponse, total });
      });
    });
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test("oversized bodies get 413 before the upload ends: sign-up (64 KB) and scene saves (1 MB)", async () => {
  test.setTimeout(120_000);
  const total = 60 * 1024 * 1024;
  const json = { "content-type": "application/json" };
  const chunked = await streamBody("POST", "/api/signup", total, { ...json, "transfer-encoding": "chunked" });
  expect(chunked.status, chunked.body).toBe(413);
  expect(JSON.parse(chunked.body).error.message).toMatch(/larger than 64 KB/);
  // Socket buffers hold a few MB at most: the server stopped reading long before the 60 MB were sent.
  expect(chunked.sentAtResponse).toBeLessThan(total / 4);

  const declared = await streamBody("POST", "/api/signup", total, { ...json, "content-length": String(total) });
  expect(declared.status, declared.body).toBe(413);
  expect(declared.sentAtResponse).toBeLessThan(total / 4);

  // A signed-in save: 1 MB is far above any scene document (the largest template is about 5 KB).
  const cookie = (await owner.api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const save = await streamBody("PUT", `/api/scenes/${sceneId}`, total, {
    ...json,
    "transfer-encoding": "chunked",
    origin: BASE_URL,
    cookie,
  });
  expect(save.status, save.body).toBe(413);
  expect(JSON.parse(save.body).error.message).toMatch(/larger than 1 MB/);
  expect(save.sentAtResponse).toBeLessThan(total / 4);

  // The server is fine afterwards, and a normal save under the cap still works.
  const scene = await owner.api.get(`/api/scenes/${sceneId}`);
  const document = (await scene.json()).scene.document;
  expect((await owner.api.put(`/api/scenes/${sceneId}`, { data: { document } })).status()).toBe(200);
});

test("JSON answers are never cached; downloads keep their own caching; no HSTS for a spoofed https", async () => {
  for (const url of ["/api/scenes", `/api/scenes/${sceneId}`, "/api/scenes/scn_nope", "/api/brand-kit"]) {
    const res = await owner.api.get(url);
    expect(res.headers()["content-type"], url).toContain("application/json");
    expect(res.headers()["cache-control"], url).toBe("no-store");
  }
  const signup = await owner.api.post("/api/signup", { data: { email: "not-an-email" } });
  expect(signup.status()).toBeGreaterThanOrEqual(400);
  expect(signup.headers()["cache-control"]).toBe("no-store");
  const upload = await owner.api.post("/api/products", { multipart: glb() });
  expect(upload.status(), await upload.text()).toBe(201);
  const model = await owner.api.get(`/api/products/${(await upload.json()).product.id}/model`);
  expect(model.status()).toBe(200);
  expect(model.headers()["content-type"]).toBe("model/gltf-binary");
  expect(model.headers()["cache-control"]).toBe("private, max-age=3600");
  // Without TRUST_PROXY=1 a client's own X-Forwarded-Proto means nothing.
  const spoofed = await owner.api.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(spoofed.headers()["strict-transport-security"]).toBeUndefined();
});

test("pages run only nonce'd scripts, a new nonce each time, no CSP violation, and hydrate", async ({ browser }) => {
  const first = (await owner.api.get("/sign-in")).headers()["content-security-policy"];
  const second = (await owner.api.get("/sign-in")).headers()["content-security-policy"];
  expect(first).toMatch(/script-src [^;]*'nonce-/);
  expect(first).not.toBe(second);

  // A real browser with nothing added to its requests: its own fetches must pass the Origin check too.
  const context = await browser.newContext({ extraHTTPHeaders: {} });
  const page = await context.newPage();
  const violations: string[] = [];
  const onConsole = (m: ConsoleMessage) => {
    const text = m.text();
    if (/Content Security Policy|Refused to (execute|load|run)/i.test(text)) violations.push(`${page.url()}: ${text}`);
  };
  page.on("console", onConsole);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  try {
    for (const url of ["/", "/pricing", "/sign-up"]) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
    }
    // Hydration: the sign-in form signs in through JavaScript (a dead page would submit a plain GET form).
    const account = newAccount("csp");
    const anonymous = await pwRequest.newContext({ baseURL: BASE_URL });
    expect((await anonymous.post("/api/signup", { data: account })).status()).toBe(201);
    await anonymous.dispose();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/(onboarding|products)/);
    // A signed-in page and a click that needs React: skipping onboarding is a fetch from the page (PUT brand-kit).
    await page.goto("/onboarding");
    await page.getByRole("button", { name: "Skip for now" }).click();
    await expect(page).toHaveURL(/\/templates/);
    // The gallery keeps polling for previews (no worker here): wait for the load, not for network quiet.
    await page.waitForLoadState("load");
    // The editor: WebGL and the wasm model decoders in blob: workers, under the same policy. The scene is made
    // by a fetch from the page, as the app makes it: the browser's own Origin is what passes the check.
    const created = await page.evaluate(async () => {
      const body = JSON.stringify({ productId: "sample_kraft-box" });
      const res = await fetch("/api/scenes", { method: "POST", headers: { "content-type": "application/json" }, body });
      return { status: res.status, body: await res.json() };
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await page.goto(`/scenes/${created.body.id}`);
    const canvas = page.locator('[data-testid="scene-canvas"][data-render-state="ready"]');
    await expect(canvas).toBeVisible({ timeout: 45_000 });
  } finally {
    await context.close();
  }
  expect(violations).toEqual([]);
});
