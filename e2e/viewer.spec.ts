import { createHash } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { unzipSync } from "fflate";
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { signedInAccount } from "./fixtures/accounts";
import { centreCoverage, decodePng, pixel } from "./fixtures/images";
import { closeSqlPools, signedInApi, sql } from "./fixtures/session";
import { startWorker, stopWorker } from "./fixtures/worker";

/**
 * Published 3D viewers end to end: publish from the product page (a worker makes the web-ready model), open the
 * public link signed out (poster first, then the model, every request to this server), the files' content types,
 * oEmbed, and revoke (404 at once). Then the link as a security boundary: guessed, tampered, hashed and revoked
 * tokens, and one viewer's token never serving another viewer's file.
 */
const SAMPLE = "sample_drink-can";
const OTHER_SAMPLE = "sample_kraft-box";
const tokenOf = (url: string) => new URL(url).pathname.replace(/^\/v\//, "");

/** A USDZ read from its bytes: its first entry's name (Quick Look reads that scene first) and every entry. */
function readUsdz(bytes: Buffer) {
  expect(bytes.readUInt32LE(0), "a ZIP's local file header").toBe(0x04034b50);
  const first = bytes.subarray(30, 30 + bytes.readUInt16LE(26)).toString("utf8");
  return { first, entries: unzipSync(new Uint8Array(bytes)) };
}

/** A PNG's size from its IHDR chunk. */
const pngSize = (png: Uint8Array) => {
  const b = Buffer.from(png);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

let worker: ChildProcess | undefined;
test.beforeAll(() => {
  worker = startWorker("viewer-worker");
});
test.afterAll(async () => {
  await stopWorker(worker);
  await closeSqlPools();
});

/** The viewer as drawn: a screenshot of the element, decoded. */
async function viewerPixels(page: Page) {
  // Generous: the model is drawn in software (SwiftShader) on a machine shared with other test runs.
  return decodePng(await page.getByTestId("viewer").screenshot({ timeout: 45_000 }));
}

/** The model, not the poster: the viewer's own near-white backdrop in the corner, the product over the centre. */
async function modelDrawn(page: Page): Promise<boolean> {
  const png = await viewerPixels(page);
  const corner = pixel(png, 8, 40);
  return corner.slice(0, 3).every((c) => c >= 245) && centreCoverage(png, corner, 20) > 0.5;
}

test("publish a 3D viewer, open it signed out from this server only, embed it, revoke it", async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.setTimeout(300_000);
  await signedInAccount(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/products/${SAMPLE}`);
  await page.getByLabel("Turn slowly on its own").uncheck(); // a still model, so pixels compare
  await page.getByRole("button", { name: "Publish 3D viewer" }).click();
  const url = await page.getByTestId("viewer-url").inputValue();
  expect(url).toMatch(new RegExp(`^${BASE_URL}/v/[A-Za-z0-9_-]{43}$`));
  await expect(page.getByTestId("viewer-embed")).toHaveValue(/allow="xr-spatial-tracking; fullscreen"/);
  await expect(page.getByTestId("viewer-embed")).toHaveValue(new RegExp(`src="${url}"`));
  const item = page.getByTestId("viewer-item").first();
  // The worker makes the web-ready GLB, then the USDZ on its browser page (software GL on a shared machine).
  await expect(item).toHaveAttribute("data-status", "ready", { timeout: 150_000 });
  await expect(item.getByTestId("viewer-size")).toHaveText(/KB, \d+% of the original \d+ KB/);
  await expect(item.getByTestId("viewer-usdz-size")).toHaveText(/iPhone AR file \d+(\.\d+)? (B|KB|MB)$/);
  await expect(page.getByTestId("usdz-note")).toContainText("cannot carry animations");
  await expect(page.getByTestId("viewer-web-component")).toHaveValue(
    `<script type="module" src="${BASE_URL}/v/embed.js"></script>\n` +
      `<plinth-viewer token="${tokenOf(url)}" title="Drink can in 3D" ratio="4/3"></plinth-viewer>`,
  );
  await expect(page.getByRole("button", { name: "Copy web component" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("product-page-viewers.png"), fullPage: true });

  // Signed out, in a fresh context: every request is recorded.
  const visitor = await browser.newContext({ viewport: { width: 960, height: 720 } });
  const requested: string[] = [];
  visitor.on("request", (r) => requested.push(r.url()));
  const viewerPage = await visitor.newPage();
  const glbResponse = viewerPage.waitForResponse((r) => r.url().endsWith("/model.glb"));
  // Checked from the first bytes on: the model now starts with the HTML and may be drawn (the poster dismissed)
  // before the page's load event.
  const response = await viewerPage.goto(url, { waitUntil: "commit" });
  expect(response!.status()).toBe(200);
  expect(response!.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(response!.headers()["x-frame-options"]).toBeUndefined();
  // The poster is there before the model: in the server's HTML itself.
  await expect(viewerPage.getByTestId("viewer-poster")).toBeVisible();
  await expect
    .poll(() => viewerPage.getByTestId("viewer-poster").evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  expect((await glbResponse).headers()["content-type"]).toBe("model/gltf-binary");
  await expect(viewerPage.getByTestId("viewer")).toHaveAttribute("data-state", "ready", { timeout: 60_000 });
  await expect.poll(() => modelDrawn(viewerPage), { timeout: 60_000 }).toBe(true);
  // The light of the product's default look: its environment file from this server, and Plinth's USDZ for iOS.
  await expect(viewerPage.getByTestId("viewer")).toHaveAttribute("environment-image", "/environments/studio.hdr");
  await expect(viewerPage.getByTestId("viewer")).toHaveAttribute("ios-src", `/api/v/${tokenOf(url)}/model.usdz`);
  expect(requested).toContain(`${BASE_URL}/environments/studio.hdr`);
  const environment = await request.get("/environments/studio.hdr");
  expect(environment.status()).toBe(200);
  expect((await environment.body()).subarray(0, 10).toString("latin1")).toBe("#?RADIANCE");
  await viewerPage.screenshot({ path: testInfo.outputPath("public-viewer.png") });

  // The colourway switcher changes the material the model shows: the orange can turns blue.
  const centre = async () => {
    const png = await viewerPixels(viewerPage);
    return pixel(png, Math.floor(png.width / 2), Math.floor(png.height / 2));
  };
  const [r, , b] = await centre();
  expect(r).toBeGreaterThan(b + 60);
  await viewerPage.getByLabel("Colourway").selectOption("Ocean");
  await expect
    .poll(
      async () => {
        const [r2, , b2] = await centre();
        return b2 > r2 + 30;
      },
      { timeout: 60_000 },
    )
    .toBe(true);

  const offSite = requested.filter(
    (r) => !r.startsWith(`${BASE_URL}/`) && !r.startsWith("data:") && !r.startsWith("blob:"),
  );
  expect(offSite).toEqual([]);
  expect(requested.some((r) => r.endsWith("/model.glb"))).toBe(true);

  // The model file: right type, long browser cache, byte ranges.
  const token = tokenOf(url);
  const glb = await request.get(`/api/v/${token}/model.glb`);
  expect(glb.status()).toBe(200);
  expect(glb.headers()["content-type"]).toBe("model/gltf-binary");
  expect(glb.headers()["cache-control"]).toContain("max-age=31536000");
  const range = await request.get(`/api/v/${token}/model.glb`, { headers: { range: "bytes=0-3" } });
  expect(range.status()).toBe(206);
  expect((await range.body()).toString("latin1")).toBe("glTF");

  // The USDZ for Quick Look: its media type, long browser cache, ranges, a ZIP with the USD scene first.
  const usdz = await request.get(`/api/v/${token}/model.usdz`);
  expect(usdz.status()).toBe(200);
  expect(usdz.headers()["content-type"]).toBe("model/vnd.usdz+zip");
  expect(usdz.headers()["cache-control"]).toContain("max-age=31536000");
  const { first, entries } = readUsdz(await usdz.body());
  expect(first).toMatch(/\.usd[ac]$/);
  expect(Buffer.from(entries[first]).toString("utf8")).toContain("#usda");
  const usdzRange = await request.get(`/api/v/${token}/model.usdz`, { headers: { range: "bytes=0-3" } });
  expect(usdzRange.status()).toBe(206);
  expect((await usdzRange.body()).toString("latin1")).toBe("PK\x03\x04");

  // oEmbed: this app's link only, never another site's.
  const oembed = await request.get(`/api/oembed?url=${encodeURIComponent(url)}`);
  expect(oembed.status()).toBe(200);
  const embed = await oembed.json();
  expect(embed).toMatchObject({ version: "1.0", type: "rich", provider_name: "Plinth", title: "Drink can in 3D" });
  expect(embed.html).toContain(`src="${url}"`);
  expect(embed.html).toContain('allow="xr-spatial-tracking; fullscreen"');
  for (const foreign of [
    url.replace(BASE_URL, "https://evil.example"),
    "http://169.254.169.254/latest/meta-data/",
    `${url}x`,
  ]) {
    expect((await request.get(`/api/oembed?url=${encodeURIComponent(foreign)}`)).status(), foreign).toBe(404);
  }
  expect((await request.get(`/api/oembed?url=${encodeURIComponent(url)}&format=xml`)).status()).toBe(501);

  // The visit was counted.
  await page.reload();
  await expect(page.getByTestId("viewer-item").first().getByTestId("viewer-views")).toHaveText("1 view");

  // Revoke (after a confirmation): the page, the file and oEmbed answer 404 at once.
  await page.getByRole("button", { name: "Revoke…" }).click();
  await page.getByRole("button", { name: "Revoke viewer" }).click();
  await expect(page.getByTestId("viewer-item").first()).toHaveAttribute("data-status", "revoked");
  expect((await request.get(url)).status()).toBe(404);
  expect((await request.get(`/api/v/${token}/model.glb`)).status()).toBe(404);
  expect((await request.get(`/api/v/${token}/model.usdz`)).status()).toBe(404);
  expect((await request.get(`/api/oembed?url=${encodeURIComponent(url)}`)).status()).toBe(404);
  const reopened = await visitor.newPage();
  expect((await reopened.goto(url))!.status()).toBe(404);
  await expect(reopened.getByRole("heading", { name: "This 3D viewer does not exist" })).toBeVisible();
  await visitor.close();
});

test("viewer tokens: 256 random bits, stored hashed; guessed, tampered, hashed and revoked tokens fail; each opens only its own files", async ({
  request,
}) => {
  test.setTimeout(120_000);
  const owner = await signedInApi();
  try {
    const publish = async (productId: string) => {
      const res = await owner.api.post(`/api/products/${productId}/viewers`, { data: {} });
      expect(res.status(), await res.text()).toBe(201);
      const body = await res.json();
      return { id: body.viewer.id as string, token: tokenOf(`${BASE_URL}${body.path}`) };
    };
    const a = await publish(SAMPLE);
    const b = await publish(OTHER_SAMPLE);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await sql<{ token_hash: string; all: string }>(
      "select token_hash, row_to_json(v)::text as all from viewers v where id = $1",
      [a.id],
    );
    expect(row.token_hash).toBe(createHash("sha256").update(a.token).digest("hex"));
    expect(row.all).not.toContain(a.token);
    // The list never carries a token.
    expect(await (await owner.api.get(`/api/products/${SAMPLE}/viewers`)).text()).not.toContain(a.token);

    const model = (token: string) => request.get(`/api/v/${token}/model.glb`);
    await expect
      .poll(async () => [(await model(a.token)).status(), (await model(b.token)).status()], { timeout: 60_000 })
      .toEqual([200, 200]);
    const [aBytes, bBytes] = [await (await model(a.token)).body(), await (await model(b.token)).body()];
    // Each link's USDZ is its own product's: the kraft box's carries its textures, none over 1024 px.
    const usdz = (token: string) => request.get(`/api/v/${token}/model.usdz`);
    const [aUsdz, bUsdz] = [await (await usdz(a.token)).body(), await (await usdz(b.token)).body()];
    expect(aUsdz.equals(bUsdz)).toBe(false);
    const usdzRows = await sql<{ id: string; usdz_bytes: string }>(
      "select id, usdz_bytes from viewers where id in ($1, $2)",
      [a.id, b.id],
    );
    expect([aUsdz.length, bUsdz.length]).toEqual(
      [a.id, b.id].map((id) => Number(usdzRows.find((r) => r.id === id)!.usdz_bytes)),
    );
    const textures = Object.entries(readUsdz(bUsdz).entries).filter(([name]) => name.endsWith(".png"));
    expect(textures.length).toBeGreaterThan(0);
    for (const [name, png] of textures) {
      const { width, height } = pngSize(png);
      expect(Math.max(width, height), name).toBeLessThanOrEqual(1024);
    }
    const sizes = await sql<{ id: string; model_bytes: string }>(
      "select id, model_bytes from viewers where id in ($1, $2)",
      [a.id, b.id],
    );
    const sizeOf = (id: string) => Number(sizes.find((s) => s.id === id)!.model_bytes);
    expect([aBytes.length, bBytes.length]).toEqual([sizeOf(a.id), sizeOf(b.id)]);
    expect(aBytes.equals(bBytes)).toBe(false);

    const flip = (t: string) => t.slice(0, -1) + (t.at(-1) === "A" ? "B" : "A");
    const bad: Record<string, string> = {
      guessed: "A".repeat(43),
      tampered: flip(a.token),
      truncated: a.token.slice(0, 42),
      "its hash": createHash("sha256").update(a.token).digest("hex"),
      "the viewer id": a.id,
    };
    for (const [why, token] of Object.entries(bad)) {
      expect((await model(token)).status(), `model with ${why} token`).toBe(404);
      expect((await usdz(token)).status(), `USDZ with ${why} token`).toBe(404);
      expect((await request.get(`/v/${token}`)).status(), `page with ${why} token`).toBe(404);
    }

    const revoked = await owner.api.delete(`/api/viewers/${a.id}`);
    expect(revoked.status()).toBe(200);
    expect((await model(a.token)).status()).toBe(404);
    expect((await usdz(a.token)).status()).toBe(404);
    expect((await request.get(`/v/${a.token}`)).status()).toBe(404);
    expect((await model(b.token)).status()).toBe(200); // the other viewer is untouched
    expect((await usdz(b.token)).status()).toBe(200);

    // Another workspace cannot list, publish for, or revoke this one's.
    const outsider = await signedInApi();
    try {
      expect((await outsider.api.delete(`/api/viewers/${b.id}`)).status()).toBe(404);
      expect((await model(b.token)).status()).toBe(200);
    } finally {
      await outsider.api.dispose();
    }
  } finally {
    await owner.api.dispose();
  }
});

test("a shop on another origin shows the viewer through the iframe snippet and <plinth-viewer>, under a strict CSP, fetching only from here", async ({
  browser,
  request,
}) => {
  test.setTimeout(420_000);
  const owner = await signedInApi();
  const res = await owner.api.post(`/api/products/${SAMPLE}/viewers`, { data: {} });
  expect(res.status()).toBe(201);
  const viewerUrl = `${BASE_URL}${(await res.json()).path}`;
  const token = tokenOf(viewerUrl);
  await owner.api.dispose();
  await expect
    .poll(async () => (await request.get(`/api/v/${token}/model.glb`)).status(), { timeout: 90_000 })
    .toBe(200);

  const script = await request.get("/v/embed.js");
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toContain("text/javascript");
  expect(script.headers()["access-control-allow-origin"]).toBe("*"); // a module script is fetched with CORS
  // The iframe snippet exactly as a shop gets it (oEmbed answers the same markup the product page offers).
  const snippet = (await (await request.get(`/api/oembed?url=${encodeURIComponent(viewerUrl)}`)).json()).html;
  expect(snippet).toContain(`src="${viewerUrl}"`);

  // A shop on another origin (127.0.0.1 on its own port, not localhost) that allows scripts and frames from Plinth
  // and nothing else. It also tries to frame a Plinth app page, which must stay refused.
  const shopHtml =
    "<!doctype html><html><head>" +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${BASE_URL}; frame-src ${BASE_URL}">` +
    "<title>Shop</title></head><body><h1>Our drink can</h1>" +
    `<script type="module" src="${BASE_URL}/v/embed.js"></script>\n` +
    `<plinth-viewer token="${token}" title="Drink can in 3D" ratio="4/3"></plinth-viewer>` +
    `<h2>The same, as an iframe</h2><div id="snippet">${snippet}</div>` +
    `<iframe id="app-page" src="${BASE_URL}/sign-in" title="Plinth sign-in"></iframe>` +
    "</body></html>";
  const shop = http.createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(shopHtml);
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  const shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  // No extra headers: the config's `origin` header (for the tests' API calls) would reach this context too, and
  // Chromium fails a CORS request whose Origin was overridden (net::ERR_INVALID_ARGUMENT), so embed.js never ran.
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, extraHTTPHeaders: {} });
  try {
    const requested: string[] = [];
    context.on("request", (r) => requested.push(r.url()));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${shopOrigin}/`);

    // <plinth-viewer>: its iframe, full width at 4:3, showing the poster and then the model.
    const iframe = page.locator("plinth-viewer iframe");
    await expect(iframe).toHaveAttribute("src", `${BASE_URL}/v/${token}`);
    await expect(iframe).toHaveAttribute("allow", "xr-spatial-tracking; fullscreen");
    await expect(iframe).toHaveAttribute("loading", "lazy");
    await expect(iframe).toHaveAttribute("title", "Drink can in 3D");
    const box = (await iframe.boundingBox())!;
    expect(box.width).toBeGreaterThan(900); // the page's width...
    expect(Math.abs(box.height - (box.width * 3) / 4)).toBeLessThan(2); // ...at 4:3
    // The poster (loaded: it may already be hidden behind the model) and then the model.
    const posterLoaded = (f: FrameLocator) =>
      expect
        .poll(() => f.getByTestId("viewer-poster").evaluate((img: HTMLImageElement) => img.naturalWidth), {
          // Generous: both frames draw in software GL in one renderer, whose main thread a first shader compile
          // holds for tens of seconds on a loaded machine (npm run bench:viewer lists those long tasks).
          timeout: 150_000,
        })
        .toBeGreaterThan(0);
    const frame = page.frameLocator("plinth-viewer iframe");
    await posterLoaded(frame);
    await expect(frame.getByTestId("viewer")).toHaveAttribute("data-state", "ready", { timeout: 120_000 });

    // The iframe snippet, below the fold (it loads lazily, once scrolled to).
    const plain = page.locator("#snippet iframe");
    await plain.scrollIntoViewIfNeeded();
    await expect(plain).toHaveAttribute("src", viewerUrl);
    const plainFrame = page.frameLocator("#snippet iframe");
    await posterLoaded(plainFrame);
    await expect(plainFrame.getByTestId("viewer")).toHaveAttribute("data-state", "ready", { timeout: 120_000 });

    // A signed-in app page is not framed by another site: the browser refuses it (frame-ancestors 'none').
    await page.locator("#app-page").scrollIntoViewIfNeeded();
    await expect(page.frameLocator("#app-page").getByRole("button", { name: /sign in/i })).toHaveCount(0);
    await expect.poll(() => problems.filter((p) => /frame-ancestors|X-Frame-Options/i.test(p)).length).toBe(1);

    const elsewhere = requested.filter(
      (r) => !r.startsWith(`${BASE_URL}/`) && !r.startsWith(`${shopOrigin}/`) && !/^(data|blob):/.test(r),
    );
    expect(elsewhere).toEqual([]);
    expect(requested).toContain(`${BASE_URL}/v/embed.js`);
    // Besides that refusal, only the shop's own CSP dropping the snippet's style="border:0" (a strict style-src
    // shows the iframe's default border; <plinth-viewer> styles through the CSSOM, which CSP allows).
    const expected = /frame-ancestors|X-Frame-Options|^Applying inline style violates/i;
    expect(problems.filter((p) => !expected.test(p))).toEqual([]);
    expect(problems.filter((p) => /^Applying inline style/.test(p))).toHaveLength(1);
  } finally {
    await context.close();
    await new Promise((resolve) => shop.close(resolve));
  }
});

test("two environments in the viewer's look light the product visibly differently", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const owner = await signedInApi();
  const publish = async () => {
    const res = await owner.api.post(`/api/products/${SAMPLE}/viewers`, { data: {} });
    expect(res.status()).toBe(201);
    const body = await res.json();
    return { id: body.viewer.id as string, token: tokenOf(`${BASE_URL}${body.path}`) };
  };
  const [studio, night] = [await publish(), await publish()];
  await owner.api.dispose();
  // The same look but for the environment (no shadow, no turning): only the light can differ.
  const look = { exposure: 1, shadowIntensity: 0, shadowSoftness: 1, toneMapping: "neutral" };
  for (const [viewer, environment] of [
    [studio, "studio"],
    [night, "night"],
  ] as const)
    await sql("update viewers set look = $2::jsonb, auto_rotate = false where id = $1", [
      viewer.id,
      JSON.stringify({ ...look, environment }),
    ]);
  for (const { token } of [studio, night])
    await expect
      .poll(async () => (await request.get(`/api/v/${token}/model.glb`)).status(), { timeout: 90_000 })
      .toBe(200);

  /** The mean colour over the middle of the can (the centre fifth across, the middle third down). */
  const productColour = async (token: string) => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    try {
      const page = await context.newPage();
      await page.goto(`/v/${token}`);
      await expect(page.getByTestId("viewer")).toHaveAttribute("data-state", "ready", { timeout: 120_000 });
      await expect.poll(() => modelDrawn(page), { timeout: 60_000 }).toBe(true);
      const png = await viewerPixels(page);
      const sum = [0, 0, 0];
      let n = 0;
      for (let y = Math.floor(png.height / 3); y < (png.height * 2) / 3; y += 2)
        for (let x = Math.floor((png.width * 2) / 5); x < (png.width * 3) / 5; x += 2) {
          const p = pixel(png, x, y);
          for (let c = 0; c < 3; c++) sum[c] += p[c];
          n++;
        }
      return sum.map((s) => s / n);
    } finally {
      await context.close();
    }
  };
  const lit = await productColour(studio.token);
  const dark = await productColour(night.token);
  const difference = lit.reduce((d, c, i) => d + Math.abs(c - dark[i]), 0);
  // Visibly different: tens of levels summed over the channels (the same look twice differs by a level or two).
  expect(difference, `studio ${lit.map(Math.round)} vs night ${dark.map(Math.round)}`).toBeGreaterThan(30);
});

test("a viewer still being made says so, and serves no model yet", async ({ request }) => {
  await stopWorker(worker); // nothing makes the model while this test looks
  worker = undefined;
  const owner = await signedInApi();
  try {
    const res = await owner.api.post(`/api/products/${SAMPLE}/viewers`, { data: {} });
    expect(res.status()).toBe(201);
    const token = tokenOf(`${BASE_URL}${(await res.json()).path}`);
    const page = await request.get(`/v/${token}`);
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain("This 3D viewer is being prepared");
    expect((await request.get(`/api/v/${token}/model.glb`)).status()).toBe(404);
    expect((await request.get(`/api/v/${token}/model.usdz`)).status()).toBe(404);
    expect((await request.get(`/api/oembed?url=${encodeURIComponent(`${BASE_URL}/v/${token}`)}`)).status()).toBe(404);
  } finally {
    await owner.api.dispose();
  }
});
