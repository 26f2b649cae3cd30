import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
  workspaceId: null as string | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  activeWorkspaceId: async () => session.workspaceId,
}));

import { POST as previewsRoute } from "@/app/api/templates/previews/route";
import { POST as variationsRoute } from "@/app/api/variations/route";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { insertProduct } from "@/lib/db/queries/products";
import { markThumbnailDone } from "@/lib/db/queries/templates";
import { newId } from "@/lib/ids";
import { saveThumbnail } from "@/lib/products/product-service";
import { LocalStorage } from "@/lib/storage/local";
import { addMember } from "@/lib/db/queries/workspaces";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { jobKind } from "@/lib/jobs/registry";
import { BUILT_IN_TEMPLATES } from "@/lib/scene/templates";
import { galleryPreviews, variationPreviews, type PreviewItem } from "@/lib/templates/template-service";
import { db, seedOwner, ownerCaller } from "./helpers";

const PRODUCT = "sample_drink-can";
const routeCtx = { params: Promise.resolve({}) };
const post = (url: string, body: unknown) =>
  new Request(`http://localhost${url}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
const ctxOf = ownerCaller;
const queuedIds = (previews: (PreviewItem | null)[]) =>
  previews.flatMap((p) => (p?.thumbnailId && p.status === "queued" ? [p.thumbnailId] : []));

afterAll(async () => {
  await stopBoss();
});

const THUMBNAIL_QUEUE = jobKind("template-preview").queue;

describe("template previews: who may queue them, how many, and in what order", () => {
  it("a viewer sees existing previews but queues none, cannot queue variations (403); an editor can", async () => {
    const owner = await seedOwner("prev-owner");
    const viewer = await seedOwner("prev-viewer");
    const editor = await seedOwner("prev-editor");
    await addMember(db(), owner.workspaceId, viewer.userId, "viewer");
    await addMember(db(), owner.workspaceId, editor.userId, "editor");
    session.workspaceId = owner.workspaceId;

    const boss = await getBoss("web");
    const waiting = async () => (await boss.findJobs(THUMBNAIL_QUEUE, { queued: true })).length;
    const before = await waiting();
    session.user = { id: viewer.userId, email: viewer.email, name: "Viewer" };
    const seen = await previewsRoute(post("/api/templates/previews", { productId: PRODUCT }), routeCtx);
    expect(seen.status).toBe(200);
    const { previews } = (await seen.json()) as { previews: PreviewItem[] };
    expect(previews.length).toBeGreaterThan(0);
    // Nothing was made for this workspace yet, and a viewer's visit makes nothing: no polling for ever either.
    expect(new Set(previews.map((p) => p.status))).toEqual(new Set(["unavailable"]));
    const refused = await variationsRoute(
      post("/api/variations", { productId: PRODUCT, seed: 1, count: 24 }),
      routeCtx,
    );
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/role \(viewer\) cannot do this/);
    expect(await waiting()).toBe(before);

    session.user = { id: editor.userId, email: editor.email, name: "Editor" };
    const res = await variationsRoute(post("/api/variations", { productId: PRODUCT, seed: 1, count: 2 }), routeCtx);
    expect(res.status).toBe(200);
    expect((await res.json()).variations).toHaveLength(2);
    expect(await waiting()).toBe(before + 2);
  });

  it("caps what one workspace has waiting: a whole gallery fits, more previews wait their turn and are queued later", async () => {
    const o = await seedOwner("prev-cap");
    const gallery = await galleryPreviews(db(), ctxOf(o), { productId: PRODUCT, tinted: false });
    // The 53-template gallery fits under the default limit of 60.
    expect(gallery.previews).toHaveLength(BUILT_IN_TEMPLATES.length);
    expect(queuedIds(gallery.previews)).toHaveLength(BUILT_IN_TEMPLATES.length);

    // 24 variations more: only 7 are queued now; the rest answer "queued" without a job yet, so the page keeps polling.
    const first = await variationPreviews(db(), ctxOf(o), { productId: PRODUCT, seed: 42, count: 24 });
    expect(first.variations).toHaveLength(24);
    const previews = first.variations.map((v) => v.preview);
    expect(previews.every((p) => p?.status === "queued")).toBe(true);
    expect(queuedIds(previews)).toHaveLength(60 - BUILT_IN_TEMPLATES.length);
    expect(previews.filter((p) => p?.thumbnailId === null)).toHaveLength(24 - (60 - BUILT_IN_TEMPLATES.length));

    // As the worker finishes previews, the next poll queues the deferred ones.
    for (const id of queuedIds(gallery.previews).slice(0, 10)) await markThumbnailDone(db(), id, "k", 1);
    const again = await variationPreviews(db(), ctxOf(o), { productId: PRODUCT, seed: 42, count: 24 });
    expect(queuedIds(again.variations.map((v) => v.preview))).toHaveLength(60 - BUILT_IN_TEMPLATES.length + 10);
  });

  it("shares the worker between workspaces: another workspace's first preview is fetched right after the busy one's first", async () => {
    const busy = await seedOwner("prev-busy");
    const fresh = await seedOwner("prev-fresh");
    const busyIds = new Set(
      queuedIds((await galleryPreviews(db(), ctxOf(busy), { productId: PRODUCT, tinted: false })).previews),
    );
    expect(busyIds.size).toBeGreaterThanOrEqual(40);
    const [freshId] = queuedIds(
      (await variationPreviews(db(), ctxOf(fresh), { productId: PRODUCT, seed: 7, count: 1 })).variations.map(
        (v) => v.preview,
      ),
    );
    expect(freshId).toBeTruthy();

    // Fetch one job at a time, as the worker does, until the fresh workspace's preview comes out.
    const boss = await getBoss("web");
    let busyBefore = 0;
    for (let n = 0; n < 200; n++) {
      const [job] = await boss.fetch<{ thumbnailId: string }>(THUMBNAIL_QUEUE, { batchSize: 1 });
      expect(job, "the fresh workspace's preview was never fetched").toBeTruthy();
      await boss.deleteJob(THUMBNAIL_QUEUE, job.id);
      if (job.data.thumbnailId === freshId) break;
      if (busyIds.has(job.data.thumbnailId)) busyBefore++;
    }
    // Without priorities it came after all of the busy workspace's previews (76 s of waiting in the report).
    expect(busyBefore).toBeLessThanOrEqual(1);
  });

  it("draws what the user looks at first: the cards in view, the product just uploaded before any sample, whose previews give way", async () => {
    const o = await seedOwner("prev-first");
    const ctx = ctxOf(o);
    // Onboarding: the gallery opened on a sample first and queued its whole gallery.
    const sample = queuedIds((await galleryPreviews(db(), ctx, { productId: PRODUCT, tinted: false })).previews);
    expect(sample).toHaveLength(BUILT_IN_TEMPLATES.length);

    // Then the user's own upload; the gallery names the cards it shows first (the last ten templates here).
    const productId = await ownProduct(o.workspaceId);
    const visible = BUILT_IN_TEMPLATES.slice(-10).map((t) => t.id);
    const own = await galleryPreviews(db(), ctx, { productId, tinted: false, visible });
    // The sample's waiting previews made room: every template of the own product is queued at once.
    expect(queuedIds(own.previews)).toHaveLength(BUILT_IN_TEMPLATES.length);
    const byId = new Map(own.previews.map((p) => [p.thumbnailId, p.templateId]));

    // The worker's order: the visible cards of the own product first, in the order asked, then its other previews,
    // and the sample's remaining previews last.
    const boss = await getBoss("web");
    const order: string[] = [];
    for (let n = 0; n < 200; n++) {
      const [job] = await boss.fetch<{ thumbnailId: string }>(THUMBNAIL_QUEUE, { batchSize: 1 });
      if (!job) break;
      await boss.deleteJob(THUMBNAIL_QUEUE, job.id);
      const templateId = byId.get(job.data.thumbnailId);
      if (templateId) order.push(templateId);
      else if (order.length < BUILT_IN_TEMPLATES.length && sample.includes(job.data.thumbnailId))
        expect.fail(`a sample preview came before the own product's ${order.length + 1}th`);
    }
    expect(order.slice(0, 10)).toEqual(visible);
    expect(order).toHaveLength(BUILT_IN_TEMPLATES.length);
  });

  it("keeps a product's previews when only its thumbnail is saved (the thumbnail used to re-queue all of them)", async () => {
    const o = await seedOwner("prev-stable");
    const productId = await ownProduct(o.workspaceId);
    const before = (await galleryPreviews(db(), ctxOf(o), { productId, tinted: false })).previews;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-thumbs-"));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    try {
      await saveThumbnail(db(), o.workspaceId, productId, png, { storage: new LocalStorage(dir) });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const after = (await galleryPreviews(db(), ctxOf(o), { productId, tinted: false })).previews;
    expect(after.map((p) => p.thumbnailId)).toEqual(before.map((p) => p.thumbnailId));
  });
});

/** A product row as an upload leaves it (no files needed: previews are only queued here, never drawn). */
async function ownProduct(workspaceId: string): Promise<string> {
  const id = newId("prd");
  await insertProduct(db(), {
    id,
    workspaceId,
    name: "Bottle",
    sourceFormat: "glb",
    originalFilename: "bottle.glb",
    originalKey: `workspaces/${workspaceId}/products/${id}/original.glb`,
    originalBytes: 1,
    modelKey: `workspaces/${workspaceId}/products/${id}/model.glb`,
    modelBytes: 1,
    sourceSize: [0.1, 0.25, 0.1],
    dimensionsM: [0.1, 0.25, 0.1],
    triangles: 12,
    materials: [],
    variants: [],
    warnings: [],
  });
  return id;
}
