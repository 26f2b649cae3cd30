/**
 * The brand logo upload (issue 19) through its real route handlers: real Postgres, real sharp, a temporary storage
 * folder. What a user (or an attacker) sends: a real logo, a file that only claims to be an image, an SVG with a
 * script, a 50 MB PNG, another workspace's logo id.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
  workspaceId: null as string | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  activeWorkspaceId: async () => session.workspaceId,
}));

import { GET as getLogo } from "@/app/api/brand-kit/logo/[assetId]/route";
import { DELETE as deleteLogo, POST as uploadLogo } from "@/app/api/brand-kit/logo/route";
import { GET as getIdentity, PUT as putIdentity } from "@/app/api/brand-kit/identity/route";
import { brandAssets } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { exportScene } from "@/lib/renders/render-service";
import { getStorage, setStorageForTests } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import { createSceneForProduct, loadScene, saveScene } from "@/lib/stored-scenes/scene-service";
import { db, ownerCaller, seedOwner } from "./helpers";

let storageDir: string;
beforeAll(() => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-brand-logo-"));
  setStorageForTests(new LocalStorage(storageDir));
});
afterAll(() => {
  setStorageForTests(undefined);
  fs.rmSync(storageDir, { recursive: true, force: true });
});

const noParams = { params: Promise.resolve({}) };
const upload = (body: BodyInit, headers: Record<string, string> = {}, name = "logo.png") =>
  uploadLogo(
    new Request(`http://localhost/api/brand-kit/logo?name=${encodeURIComponent(name)}`, {
      method: "POST",
      body,
      headers,
      // Node's fetch needs this for a streamed body.
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit),
    noParams,
  );

async function signIn(prefix: string) {
  const owner = await seedOwner(prefix);
  session.user = { id: owner.userId, email: owner.email, name: "Owner" };
  session.workspaceId = owner.workspaceId;
  return owner;
}

const magentaPng = () =>
  sharp({ create: { width: 400, height: 200, channels: 4, background: { r: 255, g: 0, b: 255, alpha: 1 } } })
    .png()
    .toBuffer();

describe("brand logo upload", () => {
  it("stores a PNG logo as the kit's logo and serves it to the workspace", async () => {
    await signIn("logo-png");
    const res = await upload(new Uint8Array(await magentaPng()));
    expect(res.status).toBe(201);
    const identity = await res.json();
    expect(identity.logo).toMatchObject({ width: 400, height: 200, sourceFormat: "png", name: "logo.png" });
    const file = await getLogo(new Request(`http://localhost${identity.logo.url}`), {
      params: Promise.resolve({ assetId: identity.logo.id }),
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([400, 200]);
    expect(
      (await (await getIdentity(new Request("http://localhost/api/brand-kit/identity"), noParams)).json()).logo.id,
    ).toBe(identity.logo.id);
  });

  it("refuses a file that is not an image, whatever its name and type say, and keeps nothing", async () => {
    await signIn("logo-fake");
    const res = await upload(new TextEncoder().encode("hello, I am a text file"), { "content-type": "image/png" });
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(/not an image/i);
    expect((await (await getIdentity(new Request("http://localhost/x"), noParams)).json()).logo).toBeNull();
  });

  it("strips scripts, handlers and external links from an SVG and stores it drawn as a PNG", async () => {
    const owner = await signIn("logo-svg");
    const svg = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="60" onload="alert(1)">
  <script>alert(document.cookie)</script>
  <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.test"/></foreignObject>
  <image href="file:///etc/passwd" width="10" height="10"/>
  <image xlink:href="https://evil.test/track.png" width="10" height="10"/>
  <rect width="120" height="60" fill="#00ff00" onclick="steal()"/>
</svg>`;
    const res = await upload(new TextEncoder().encode(svg), { "content-type": "image/svg+xml" }, "logo.svg");
    expect(res.status).toBe(201);
    const { logo } = await res.json();
    expect(logo.sourceFormat).toBe("svg");
    expect(logo.width / logo.height).toBeCloseTo(2, 1);
    // Only the drawn PNG is kept: no SVG (and no script) is stored anywhere for this workspace.
    const files = await getStorage().list(`workspaces/${owner.workspaceId}/`);
    expect(files.map((f) => path.extname(f.key))).toEqual([".png"]);
    const png = await getStorage().getBytes(files[0].key);
    const { data } = await sharp(Buffer.from(png!)).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([0, 255, 0]);
  });

  it("refuses an SVG with entities (XXE) with a clear message", async () => {
    await signIn("logo-xxe");
    const svg = `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>`;
    const res = await upload(new TextEncoder().encode(svg), {}, "x.svg");
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/DOCTYPE/);
  });

  it("refuses a 50 MB PNG with 413 before reading it, and a streamed one as soon as it passes 5 MB", async () => {
    await signIn("logo-big");
    let pulled = 0;
    const fiftyMb = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 50 * 1024 * 1024) return controller.close();
          pulled += 1024 * 1024;
          controller.enqueue(new Uint8Array(1024 * 1024));
        },
      });
    const declared = await upload(fiftyMb(), { "content-length": String(50 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.message).toMatch(/larger than 5 MB/);
    expect(pulled).toBeLessThanOrEqual(2 * 1024 * 1024); // at most what the stream buffered ahead
    pulled = 0;
    const streamed = await upload(fiftyMb());
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(10 * 1024 * 1024);
  });

  it("never lets one workspace read or place another workspace's logo", async () => {
    await signIn("logo-a");
    const { logo } = await (await upload(new Uint8Array(await magentaPng()))).json();
    const b = await signIn("logo-b");
    const read = await getLogo(new Request("http://localhost/x"), { params: Promise.resolve({ assetId: logo.id }) });
    expect(read.status).toBe(404);
    const ctx = ownerCaller(b);
    const { id: sceneId } = await createSceneForProduct(db(), ctx, "sample_perfume-bottle");
    const scene = await loadScene(db(), ctx, sceneId);
    const document = {
      ...scene.document,
      overlays: [
        {
          id: "logo",
          kind: "logo",
          assetId: logo.id,
          placements: { default: { anchor: "top-left", size: 0.2, visible: true } },
        },
      ],
    };
    const err = await saveScene(db(), ctx, sceneId, document).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    expect((err as AppError).fieldErrors).toEqual({
      "document.overlays.0.assetId": expect.stringMatching(/Unknown logo/),
    });
  });

  it("keeps at most two bundled fonts", async () => {
    await signIn("logo-fonts");
    const put = (fonts: unknown) =>
      putIdentity(
        new Request("http://localhost/api/brand-kit/identity", {
          method: "PUT",
          body: JSON.stringify({ fonts }),
          headers: { "content-type": "application/json" },
        }),
        noParams,
      );
    expect((await (await put(["playfair-display", "inter"])).json()).fonts).toEqual(["playfair-display", "inter"]);
    expect((await put(["inter", "dm-sans", "bebas-neue"])).status).toBe(422);
    expect((await put(["comic-sans"])).status).toBe(422);
  });

  it("deletes the stored logo when it is replaced or removed; a scene still placing it gets a clear 422, exports already made stay", async () => {
    const owner = await signIn("logo-delete");
    const ctx = ownerCaller(owner);
    const first = (await (await upload(new Uint8Array(await magentaPng()))).json()).logo as { id: string };
    const storedKeys = async () =>
      (await db().select().from(brandAssets).where(eq(brandAssets.workspaceId, owner.workspaceId))).map(
        (r) => r.fileKey,
      );
    const [firstKey] = await storedKeys();
    expect(await getStorage().getBytes(firstKey)).toBeTruthy();

    // A scene places the first logo and is exported with it (the batch is made before the logo changes).
    const { id: sceneId } = await createSceneForProduct(db(), ctx, "sample_perfume-bottle");
    const scene = await loadScene(db(), ctx, sceneId);
    const placed = {
      ...scene.document,
      overlays: [
        {
          id: "logo",
          kind: "logo" as const,
          assetId: first.id,
          placements: { default: { anchor: "top-left" as const, size: 0.2, visible: true } },
        },
      ],
    };
    const saved = await saveScene(db(), ctx, sceneId, placed);
    const exportRequest = { outputs: [{ label: "1:1", width: 256, height: 256 }], format: "png", quality: "draft" };
    const before = await exportScene(db(), ctx, sceneId, exportRequest);

    // Replaced: the first logo's row and file are gone, only the new one is stored.
    const second = (await (await upload(new Uint8Array(await magentaPng()), {}, "new.png")).json()).logo as {
      id: string;
    };
    const keys = await storedKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toContain(second.id);
    expect(await getStorage().getBytes(firstKey)).toBeNull();
    const gone = await getLogo(new Request("http://localhost/x"), { params: Promise.resolve({ assetId: first.id }) });
    expect(gone.status).toBe(404);

    // The scene still placing the old logo: exporting and saving say what to do, and nothing is charged or saved.
    const refusal = await exportScene(db(), ctx, sceneId, exportRequest).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(422);
    expect((refusal as AppError).message).toMatch(
      /removed or replaced.*Remove that logo overlay, or place the kit's current logo/,
    );
    const save = await saveScene(db(), ctx, sceneId, placed, saved.revision).catch((e: unknown) => e);
    expect((save as AppError).status).toBe(422);
    // The export made before is still there (its files are drawn with the logo in their pixels).
    expect(before.batchId).toBeTruthy();
    // Placing the current logo renders again.
    const fixed = { ...placed, overlays: [{ ...placed.overlays[0], assetId: second.id }] };
    await saveScene(db(), ctx, sceneId, fixed, saved.revision);
    await expect(exportScene(db(), ctx, sceneId, exportRequest)).resolves.toMatchObject({
      batchId: expect.any(String),
    });

    // Removed: the kit has no logo and nothing is stored.
    const removed = await deleteLogo(
      new Request("http://localhost/api/brand-kit/logo", { method: "DELETE" }),
      noParams,
    );
    expect(removed.status).toBe(200);
    expect((await removed.json()).logo).toBeNull();
    expect(await storedKeys()).toEqual([]);
    expect(await getStorage().getBytes(keys[0])).toBeNull();
  });
});
