import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberCaller, type WorkspaceCaller } from "@/lib/auth/caller";
import { viewers } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { createProductFromUpload, deleteProduct, saveThumbnail } from "@/lib/products/product-service";
import { setStorageForTests } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import { createSceneForProduct, saveScene, loadScene } from "@/lib/stored-scenes/scene-service";
import { makeViewerModel } from "@/lib/viewers/make-viewer-model";
import { loadViewerLink, openViewerFile, resolveViewerLinkCaller } from "@/lib/viewers/viewer-link";
import { listProductViewers, publishViewer, revokeViewer } from "@/lib/viewers/viewer-service";
import { hashViewerToken, newViewerToken } from "@/lib/viewers/viewer-token";
import { db, ownerCaller, seedOwner } from "./helpers";

/**
 * Published 3D viewers on a real Postgres and real storage: hashed tokens, the web-ready model job, tenant
 * isolation, revocation, and the clear states of a product still processing or deleted.
 */
const SAMPLE = "sample_drink-can";
let storage: LocalStorage;
let storageDir: string;

beforeAll(() => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-viewers-"));
  storage = new LocalStorage(storageDir);
  setStorageForTests(storage);
});
afterAll(async () => {
  setStorageForTests(undefined);
  fs.rmSync(storageDir, { recursive: true, force: true });
  await stopBoss();
});

const tokenOf = (p: string) => p.replace(/^\/v\//, "");
const make = (viewerId: string, lastAttempt = true) =>
  makeViewerModel({ db: db(), storage }, viewerId, { lastAttempt });

async function owner(prefix: string) {
  const o = await seedOwner(prefix);
  return { ...o, ctx: ownerCaller(o) };
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function uploadAvocado(ctx: WorkspaceCaller) {
  const bytes = fs.readFileSync(path.join(__dirname, "../../e2e/fixtures/models/Avocado.glb"));
  return createProductFromUpload(db(), ctx, [{ name: "Avocado.glb", bytes: new Uint8Array(bytes) }], { storage });
}

const png = () =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: "#888" } })
    .png()
    .toBuffer();

describe("publishing a 3D viewer", () => {
  it("stores only the token's hash, queues the model job, and goes public once the model is ready", async () => {
    const a = await owner("viewer-a");
    const published = await publishViewer(a.ctx, { productId: SAMPLE, autoRotate: true });
    const token = tokenOf(published.path);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes: 256 bits
    const [row] = await db().select().from(viewers).where(eq(viewers.id, published.viewer.id));
    expect(row.tokenHash).toBe(hashViewerToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(published.viewer)).not.toContain(token);
    expect(row).toMatchObject({ status: "processing", workspaceId: a.workspaceId, autoRotate: true, viewCount: 0 });
    const jobs = await db().execute(
      sql`select count(*)::int as n from pgboss.job where name = 'viewer-model' and data->>'viewerId' = ${row.id}`,
    );
    expect(jobs.rows[0]).toEqual({ n: 1 });

    // Not public while processing: the page says so and the model file is not there yet.
    expect((await loadViewerLink(db(), token))?.state).toBe("processing");
    const { caller } = (await resolveViewerLinkCaller(db(), token))!;
    expect((await rejection(openViewerFile(db(), caller, "model", storage))).code).toBe("not_found");

    expect(await make(row.id)).toBe("ready");
    expect(await make(row.id)).toBe("skipped"); // a second run of the job changes nothing
    const link = await loadViewerLink(db(), token);
    expect(link?.state).toBe("ready");
    const [summary] = await listProductViewers(db(), a.ctx, SAMPLE);
    expect(summary.status).toBe("ready");
    expect(summary.sourceBytes).toBe(fs.statSync(path.join(__dirname, "../../public/samples/drink-can.glb")).size);
    expect(summary.modelBytes).toBeLessThan(summary.sourceBytes! * 0.3);
    const file = await openViewerFile(db(), caller, "model", storage);
    expect(file.contentType).toBe("model/gltf-binary");
    expect(file.object.size).toBe(summary.modelBytes);
    await file.object.stream.cancel();
  });

  it("refuses guessed, malformed and hash-for-token links", async () => {
    const a = await owner("viewer-guess");
    const published = await publishViewer(a.ctx, { productId: SAMPLE });
    const token = tokenOf(published.path);
    for (const guess of [newViewerToken(), hashViewerToken(token), token.slice(0, -1), `${token}A`, "", "../x"]) {
      expect(await resolveViewerLinkCaller(db(), guess), guess).toBeNull();
    }
    expect(await resolveViewerLinkCaller(db(), token)).not.toBeNull();
  });

  it("keeps the scene's colourway and light, and refuses a scene that does not show the product", async () => {
    const a = await owner("viewer-scene");
    const scene = await createSceneForProduct(db(), a.ctx, SAMPLE);
    const loaded = await loadScene(db(), a.ctx, scene.id);
    loaded.document.products[0].variant = "Berry";
    loaded.document.lighting.environment = { ...loaded.document.lighting.environment, id: "sunset", intensity: 2 };
    loaded.document.toneMapping = { mode: "agx", exposure: 0.75 };
    loaded.document.shadows.contact = { opacity: 0.3, blur: 8 };
    await saveScene(db(), a.ctx, scene.id, loaded.document);
    const published = await publishViewer(a.ctx, { productId: SAMPLE, sceneId: scene.id });
    expect(published.viewer).toMatchObject({ variant: "Berry", sceneId: scene.id });
    const lookOf = async (id: string) => (await db().select().from(viewers).where(eq(viewers.id, id)))[0].look;
    expect(await lookOf(published.viewer.id)).toEqual({
      environment: "sunset",
      exposure: 1.5,
      shadowIntensity: 0.3,
      shadowSoftness: 1,
      toneMapping: "agx",
    });
    // Frozen at publish: a later edit of the scene does not relight the published viewer.
    const later = (await loadScene(db(), a.ctx, scene.id)).document;
    later.lighting.environment.id = "night";
    await saveScene(db(), a.ctx, scene.id, later);
    expect((await loadScene(db(), a.ctx, scene.id)).document.lighting.environment.id).toBe("night");
    expect((await lookOf(published.viewer.id)) as { environment: string }).toMatchObject({ environment: "sunset" });
    // From the product itself: its default look, the studio environment.
    const plain = await publishViewer(a.ctx, { productId: SAMPLE });
    expect(await lookOf(plain.viewer.id)).toMatchObject({ environment: "studio", toneMapping: "neutral" });
    const err = await rejection(publishViewer(a.ctx, { productId: "sample_cosmetic-jar", sceneId: scene.id }));
    expect(err.code).toBe("unprocessable");
  });

  it("revokes at once: the page, its files and the caller's next request all answer not found", async () => {
    const a = await owner("viewer-revoke");
    const published = await publishViewer(a.ctx, { productId: SAMPLE });
    await make(published.viewer.id);
    const token = tokenOf(published.path);
    const { caller } = (await resolveViewerLinkCaller(db(), token))!;
    const revoked = await revokeViewer(db(), a.ctx, published.viewer.id);
    expect(revoked.revokedAt).not.toBeNull();
    expect(await loadViewerLink(db(), token)).toBeNull();
    expect(await resolveViewerLinkCaller(db(), token)).toBeNull();
    // A caller resolved just before the revoke cannot open the file afterwards either.
    expect((await rejection(openViewerFile(db(), caller, "model", storage))).code).toBe("not_found");
    // Revoking twice keeps the first time.
    expect((await revokeViewer(db(), a.ctx, published.viewer.id)).revokedAt).toBe(revoked.revokedAt);
  });

  it("isolates workspaces: another workspace's product, viewer and unknown ids all answer not found", async () => {
    const a = await owner("viewer-iso-a");
    const b = await owner("viewer-iso-b");
    const product = await uploadAvocado(a.ctx);
    await saveThumbnail(db(), a.workspaceId, product.id, await png(), { storage });
    const published = await publishViewer(a.ctx, { productId: product.id });

    for (const attempt of [
      () => publishViewer(b.ctx, { productId: product.id }),
      () => publishViewer(b.ctx, { productId: "prd_doesnotexist0000" }),
      () => listProductViewers(db(), b.ctx, product.id),
      () => revokeViewer(db(), b.ctx, published.viewer.id),
      () => revokeViewer(db(), b.ctx, "vwr_doesnotexist0000"),
    ]) {
      expect((await rejection(attempt())).code).toBe("not_found");
    }
    expect(await listProductViewers(db(), a.ctx, product.id)).toHaveLength(1);
    expect((await loadViewerLink(db(), tokenOf(published.path)))?.state).toBe("processing"); // B's revoke did nothing

    // A token opens only its own viewer's files: a caller forged with another workspace's id finds nothing.
    const { caller } = (await resolveViewerLinkCaller(db(), tokenOf(published.path)))!;
    await make(published.viewer.id);
    const forged = { ...caller, workspaceId: b.workspaceId };
    expect((await rejection(openViewerFile(db(), forged, "model", storage))).code).toBe("not_found");
    const poster = await openViewerFile(db(), caller, "poster", storage);
    expect(poster.contentType).toBe("image/png");
    await poster.object.stream.cancel();
  });

  it("a viewer member cannot publish or revoke", async () => {
    const a = await owner("viewer-role");
    const published = await publishViewer(a.ctx, { productId: SAMPLE });
    const member = memberCaller(a.userId, a.workspaceId, "viewer");
    expect((await rejection(publishViewer(member, { productId: SAMPLE }))).code).toBe("forbidden");
    expect((await rejection(revokeViewer(db(), member, published.viewer.id))).code).toBe("forbidden");
    expect(await listProductViewers(db(), member, SAMPLE)).toHaveLength(1);
  });

  it("a product still processing is refused with a clear message and nothing is published", async () => {
    const a = await owner("viewer-processing");
    const product = await uploadAvocado(a.ctx); // its thumbnail (the poster) is not drawn yet
    const err = await rejection(publishViewer(a.ctx, { productId: product.id }));
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/still being processed/);
    expect(await listProductViewers(db(), a.ctx, product.id)).toEqual([]);
  });

  it("deleting a product revokes its viewers (404 at once) and deletes their stored GLB and USDZ", async () => {
    const a = await owner("viewer-deleted");
    const product = await uploadAvocado(a.ctx);
    await saveThumbnail(db(), a.workspaceId, product.id, await png(), { storage });
    const published = await publishViewer(a.ctx, { productId: product.id });
    const pending = await publishViewer(a.ctx, { productId: product.id }); // its job has not run yet
    // The worker's browser stands in as a plain ZIP with a USD scene first (e2e/viewer.spec.ts makes a real one).
    const makeUsdz = async () => zipSync({ "model.usda": strToU8("#usda 1.0\n") }, { level: 0 });
    expect(await makeViewerModel({ db: db(), storage, makeUsdz }, published.viewer.id, { lastAttempt: true })).toBe(
      "ready",
    );
    const [row] = await db().select().from(viewers).where(eq(viewers.id, published.viewer.id));
    const folder = path.join(storageDir, "workspaces", a.workspaceId, "viewers", row.id);
    expect(fs.readdirSync(folder).sort()).toEqual(["model.glb", "model.usdz"]);
    expect(row.usdzKey).toBe(`workspaces/${a.workspaceId}/viewers/${row.id}/model.usdz`);
    const found = await resolveViewerLinkCaller(db(), tokenOf(published.path));
    const usdz = await openViewerFile(db(), found!.caller, "usdz", storage);
    expect(usdz.contentType).toBe("model/vnd.usdz+zip");
    await usdz.object.stream.cancel();

    await deleteProduct(db(), a.workspaceId, product.id, { storage });
    expect(await loadViewerLink(db(), tokenOf(published.path))).toBeNull(); // the page answers 404
    expect(await resolveViewerLinkCaller(db(), tokenOf(published.path))).toBeNull(); // and so do its files
    expect(fs.existsSync(folder)).toBe(false);
    const rows = await db().select().from(viewers).where(eq(viewers.productId, product.id));
    expect(rows.map((r) => r.revokedAt !== null)).toEqual([true, true]);
    // The job of the viewer published last runs after the delete: it writes nothing.
    expect(await make(pending.viewer.id)).toBe("skipped");
    expect(fs.existsSync(path.join(storageDir, "workspaces", a.workspaceId, "viewers", pending.viewer.id))).toBe(false);
  });
});
