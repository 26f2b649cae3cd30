import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { templateThumbnails } from "@/lib/db/schema";
import { newId } from "@/lib/ids";
import { stopBoss } from "@/lib/jobs/boss";
import type { RenderJob } from "@/lib/render-contract/render-job";
import { exportScene, listRenders } from "@/lib/renders/render-service";
import { verifyRenderToken } from "@/lib/renders/render-token";
import { createDefaultScene } from "@/lib/scene";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { getStorage } from "@/lib/storage";
import { thumbnailTokenId } from "@/lib/templates/thumbnail-token";
import type { Frame } from "@/worker/frame";
import { handleRenderOutput, outputKey } from "@/worker/handlers/render-output";
import { handleRenderThumbnail } from "@/worker/handlers/render-thumbnail";
import type { WorkerContext } from "@/worker/job-handler";
import { db, ownerCaller, seedOwner } from "./helpers";

/**
 * The shared render pipeline (worker/render-pipeline.ts) through two kinds' handlers, on a real Postgres and real
 * storage. Only the browser is a stand-in (the e2e render specs draw with the real one): it records the job it is
 * handed and returns a frame with a gradient, or fails like a crashed page.
 */
process.env.RENDER_TOKEN_SECRET ??= "render-pipeline-test-key-00000000";

afterAll(() => stopBoss());

function gradient(width: number, height: number): Frame {
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([i % 256, (i >> 8) % 256, 128, 255], i * 4);
  return { rgba, width, height };
}

function drawing() {
  const jobs: RenderJob[] = [];
  const browser = {
    renderOnSession: async (_url: string, job: RenderJob) => {
      jobs.push(job);
      return gradient(job.size!.width, job.size!.height);
    },
  };
  return { jobs, browser };
}
const crashing = {
  renderOnSession: async () => Promise.reject(new Error("Target page, context or browser has been closed")),
};

async function exportOne(prefix: string) {
  const owner = await seedOwner(prefix);
  const ctx = ownerCaller(owner);
  const scene = await createSceneForProduct(db(), ctx, "sample_drink-can");
  const request = { outputs: [{ label: "1:1", width: 64, height: 48 }], quality: "draft", format: "png" };
  const batch = await exportScene(db(), ctx, scene.id, request);
  const output = (await listRenders(db(), owner.workspaceId)).find((b) => b.id === batch.batchId)!.outputs[0];
  return { owner, batchId: batch.batchId, outputId: output.id };
}

describe("the shared render pipeline", () => {
  it("draws an export with a token for that output only, stores it under its key and marks it done", async () => {
    const { owner, batchId, outputId } = await exportOne("pipe-done");
    const { jobs, browser } = drawing();
    const deps: WorkerContext = { db: db(), storage: getStorage(), browser, appUrl: "http://localhost:3000" };
    expect(await handleRenderOutput(deps, outputId, { retryCount: 0, retryLimit: 3 })).toBe("done");
    const [job] = jobs;
    expect(job.size).toEqual({ width: 64, height: 48 });
    const url = new URL(job.products["sample_drink-can"].url, "http://localhost");
    expect(url.pathname).toBe(`/api/render-assets/${outputId}/sample_drink-can`);
    expect(verifyRenderToken(outputId, url.searchParams.get("token")).ok).toBe(true);
    expect(verifyRenderToken(thumbnailTokenId(outputId), url.searchParams.get("token")).ok).toBe(false);
    const shown = (await listRenders(db(), owner.workspaceId)).find((b) => b.id === batchId)!.outputs[0];
    expect(shown.status).toBe("done");
    const stored = await getStorage().get(outputKey(owner.workspaceId, batchId, outputId, "png"));
    expect(stored).not.toBeNull();
    // Done is done: a duplicated job draws nothing.
    expect(await handleRenderOutput(deps, outputId, { retryCount: 0, retryLimit: 3 })).toBe("skipped");
    expect(jobs).toHaveLength(1);
  });

  it("refunds a charged output once when it ends failed, and retries before that", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { outputId } = await exportOne("pipe-refund");
    const refunded: string[] = [];
    const deps: WorkerContext = {
      db: db(),
      storage: getStorage(),
      browser: crashing,
      appUrl: "http://localhost:3000",
      onFailed: async (id) => void refunded.push(id),
    };
    await expect(handleRenderOutput(deps, outputId, { retryCount: 0, retryLimit: 1 })).rejects.toThrow(/closed/);
    expect(refunded).toEqual([]);
    expect(await handleRenderOutput(deps, outputId, { retryCount: 1, retryLimit: 1 })).toBe("failed");
    expect(await handleRenderOutput(deps, outputId, { retryCount: 1, retryLimit: 1 })).toBe("skipped");
    expect(refunded).toEqual([outputId]);
    vi.restoreAllMocks();
  });

  it("records a preview's failure on its row and never refunds it (previews are free)", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const owner = await seedOwner("pipe-preview");
    const id = newId("tth");
    const snapshot = createDefaultScene({ productId: "sample_drink-can", seed: 3 });
    await db()
      .insert(templateThumbnails)
      .values({
        id,
        workspaceId: owner.workspaceId,
        cacheKey: `pipeline-test:${id}`,
        templateId: "studio-white",
        productId: "sample_drink-can",
        snapshot,
        width: 96,
        height: 72,
      });
    const refunded: string[] = [];
    const deps: WorkerContext = {
      db: db(),
      storage: getStorage(),
      browser: crashing,
      appUrl: "http://localhost:3000",
      onFailed: async (rowId) => void refunded.push(rowId),
    };
    expect(await handleRenderThumbnail(deps, id, { retryCount: 2, retryLimit: 2 })).toBe("failed");
    const [row] = await db().select().from(templateThumbnails).where(eq(templateThumbnails.id, id));
    expect(row.status).toBe("failed");
    expect(refunded).toEqual([]);
    vi.restoreAllMocks();
  });
});
