import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderOutputs, templateThumbnails } from "@/lib/db/schema";
import { stopBoss } from "@/lib/jobs/boss";
import type { RenderJob } from "@/lib/render-contract/render-job";
import { exportScene, listRenders } from "@/lib/renders/render-service";
import { LocalStorage } from "@/lib/storage/local";
import type { StorageDriver } from "@/lib/storage";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { galleryPreviews } from "@/lib/templates/template-service";
import { deleteWorkspaceData } from "@/lib/workspace-data/delete-workspace";
import { handleRenderOutput } from "@/worker/handlers/render-output";
import { handleRenderThumbnail } from "@/worker/handlers/render-thumbnail";
import type { WorkerContext } from "@/worker/job-handler";
import { db, ownerCaller, seedOwner } from "./helpers";

/**
 * A render that finishes after its workspace was deleted, through the worker's own finishing path
 * (handleRenderOutput: encode, store, mark done), on a real Postgres and a real storage folder: no row comes back,
 * no file is left on disk, and the job ends quietly ("skipped", nothing thrown for pg-boss to retry).
 */
process.env.RENDER_TOKEN_SECRET ??= "render-after-delete-test-key-0000";
vi.setConfig({ testTimeout: 90_000 });

let storageDir: string;
let storage: LocalStorage;
beforeAll(() => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-render-delete-"));
  storage = new LocalStorage(storageDir);
});
afterAll(async () => {
  await stopBoss();
  fs.rmSync(storageDir, { recursive: true, force: true });
});

/** Every file under the workspace's folder on disk (none when the folder is gone). */
function filesOnDisk(workspaceId: string): string[] {
  const dir = path.join(storageDir, "workspaces", workspaceId);
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

async function outputRow(outputId: string) {
  const [row] = await db().select().from(renderOutputs).where(eq(renderOutputs.id, outputId));
  return row;
}

async function exportOne(prefix: string) {
  const owner = await seedOwner(prefix);
  const scene = await createSceneForProduct(db(), ownerCaller(owner), "sample_drink-can");
  const request = { outputs: [{ label: "1:1", width: 64, height: 48 }], quality: "draft", format: "png" };
  const batch = await exportScene(db(), ownerCaller(owner), scene.id, request);
  const output = (await listRenders(db(), owner.workspaceId)).find((b) => b.id === batch.batchId)!.outputs[0];
  return { owner, outputId: output.id };
}

/** A browser that draws a gradient (the output check refuses a blank one), after `during` ran while drawing. */
function browserThat(during: () => Promise<void>) {
  return {
    renderOnSession: async (_url: string, job: RenderJob) => {
      await during();
      const { width, height } = job.size!;
      const rgba = Buffer.alloc(width * height * 4);
      for (let i = 0; i < width * height; i++) rgba.set([i % 256, (i >> 8) % 256, 128, 255], i * 4);
      return { rgba, width, height };
    },
  };
}

describe("a render finishing after its workspace was deleted", () => {
  it("deleted while drawing: the finished render stores nothing and ends quietly", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    const { owner, outputId } = await exportOne("del-drawing");
    const browser = browserThat(async () => {
      expect((await outputRow(outputId))?.status).toBe("rendering");
      await deleteWorkspaceData(db(), storage, owner.workspaceId);
    });
    const deps: WorkerContext = { db: db(), storage, browser, appUrl: "http://localhost:3000" };

    expect(await handleRenderOutput(deps, outputId, { retryCount: 0, retryLimit: 3 })).toBe("skipped");
    expect(await outputRow(outputId)).toBeUndefined();
    expect(filesOnDisk(owner.workspaceId)).toEqual([]);
    vi.restoreAllMocks();
  });

  it("deleted between the file's write and its mark: the file written is removed again", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    const { owner, outputId } = await exportOne("del-writing");
    let written = "";
    // The delete runs (rows and the folder sweep) right after the worker's write lands, before it marks the row.
    const racing: StorageDriver = Object.assign(Object.create(storage) as LocalStorage, {
      put: async (key: string, bytes: Uint8Array) => {
        await storage.put(key, bytes);
        written = key;
        expect(filesOnDisk(owner.workspaceId)).toHaveLength(1);
        await deleteWorkspaceData(db(), storage, owner.workspaceId);
        // A file landing after the sweep, as a slow write on another machine would.
        await storage.put(key, bytes);
      },
    });
    const deps: WorkerContext = { db: db(), storage: racing, browser: browserThat(async () => {}), appUrl: "x" };

    expect(await handleRenderOutput(deps, outputId, { retryCount: 0, retryLimit: 3 })).toBe("skipped");
    expect(written).toMatch(new RegExp(`^workspaces/${owner.workspaceId}/renders/`));
    expect(await outputRow(outputId)).toBeUndefined();
    expect(filesOnDisk(owner.workspaceId)).toEqual([]);
    vi.restoreAllMocks();
  });

  it("a render that finishes first is kept until the delete, which then removes it", async () => {
    const { owner, outputId } = await exportOne("del-after");
    const deps: WorkerContext = { db: db(), storage, browser: browserThat(async () => {}), appUrl: "x" };
    expect(await handleRenderOutput(deps, outputId, { retryCount: 0, retryLimit: 3 })).toBe("done");
    expect(filesOnDisk(owner.workspaceId)).toHaveLength(1);
    await deleteWorkspaceData(db(), storage, owner.workspaceId);
    expect(await outputRow(outputId)).toBeUndefined();
    expect(filesOnDisk(owner.workspaceId)).toEqual([]);
  });

  it("a gallery preview drawn while its workspace is deleted leaves no file behind", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    const owner = await seedOwner("del-preview");
    const { previews } = await galleryPreviews(db(), ownerCaller(owner), {
      productId: "sample_drink-can",
      tinted: false,
    });
    const thumbnailId = previews.find((p) => p.thumbnailId)!.thumbnailId!;
    const browser = browserThat(() => deleteWorkspaceData(db(), storage, owner.workspaceId).then(() => {}));
    const deps: WorkerContext = { db: db(), storage, browser, appUrl: "x" };

    await handleRenderThumbnail(deps, thumbnailId, { retryCount: 0, retryLimit: 3 });
    const [row] = await db().select().from(templateThumbnails).where(eq(templateThumbnails.id, thumbnailId));
    expect(row).toBeUndefined();
    expect(filesOnDisk(owner.workspaceId)).toEqual([]);
    vi.restoreAllMocks();
  });
});
