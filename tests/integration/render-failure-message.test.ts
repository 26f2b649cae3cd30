import { describe, expect, it, vi } from "vitest";
import { RENDER_FAILURE } from "@/lib/renders/failure-messages";
import { exportScene, listRenders } from "@/lib/renders/render-service";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { getStorage } from "@/lib/storage";
import { handleRenderOutput, type RenderDeps } from "@/worker/handlers/render-output";
import { db, seedOwner, ownerCaller } from "./helpers";

/**
 * A render that fails in the browser: the Renders list shows a plain sentence,
 * never the browser's message or stack (which stays in the worker's log).
 * Everything is real except the browser, which fails the way Playwright does.
 */
const RAW =
  "page.evaluate: Error: The product model could not be loaded (HTTP 404)\n    at renderJob (http://localhost:3000/_next/static/chunks/app/render/session/page.js:1:4242)";

describe("a failed render as the user sees it", () => {
  process.env.RENDER_TOKEN_SECRET ??= "render-failure-test-key-0000000000";
  it("stores and shows a translated message; the raw error only in the log", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const owner = await seedOwner("render-fail");
      const ctx = ownerCaller(owner);
      const scene = await createSceneForProduct(db(), ctx, "sample_drink-can");
      const batch = await exportScene(db(), ctx, scene.id, {
        outputs: [{ label: "1:1", width: 256, height: 256 }],
        quality: "draft",
      });
      const [listed] = await listRenders(db(), owner.workspaceId);
      const outputId = listed.outputs[0].id;
      const failingBrowser = {
        renderOnSession: async () => {
          throw new Error(RAW);
        },
      } as unknown as RenderDeps["browser"];
      const deps: RenderDeps = {
        db: db(),
        storage: getStorage(),
        browser: failingBrowser,
        appUrl: "http://localhost:3000",
      };
      // A retried attempt: "Retrying: <sentence>"; the last one: the sentence.
      await expect(handleRenderOutput(deps, outputId, { retryCount: 0, retryLimit: 1 })).rejects.toThrow(
        /page\.evaluate/,
      );
      expect((await listRenders(db(), owner.workspaceId))[0].outputs[0].error).toBe(
        `Retrying: ${RENDER_FAILURE.model}`,
      );
      expect(await handleRenderOutput(deps, outputId, { retryCount: 1, retryLimit: 1 })).toBe("failed");
      const shown = (await listRenders(db(), owner.workspaceId)).find((b) => b.id === batch.batchId)!.outputs[0];
      expect(shown.status).toBe("failed");
      expect(shown.error).toBe(RENDER_FAILURE.model);
      expect(shown.error).not.toContain("page.evaluate");
      // The technical detail is in the worker's log.
      expect(warn.mock.calls.flat().join(" ")).toContain("page.evaluate: Error: The product model could not be loaded");
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});
