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
import { markThumbnailDone } from "@/lib/db/queries/templates";
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
});
