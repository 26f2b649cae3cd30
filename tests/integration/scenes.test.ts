import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createSceneForProduct, duplicateScene, loadScene, saveScene } from "@/lib/scenes/scene-service";
import { db, seedOwner } from "./helpers";

describe("scenes", () => {
  it("creates the default look for a sample product and saves edits with a new revision", async () => {
    const o = await seedOwner("scenes");
    const ctx = { workspaceId: o.workspaceId, userId: o.userId };
    const { id } = await createSceneForProduct(db(), ctx, "sample_perfume-bottle");
    const scene = await loadScene(db(), ctx, id);
    expect(scene.document.products[0].productId).toBe("sample_perfume-bottle");
    const saved = await saveScene(db(), ctx, id, { ...scene.document, background: { kind: "solid", color: "#FF3366" } });
    expect(saved.revision).toBe(scene.revision + 1);
    expect((await loadScene(db(), ctx, id)).document.background).toEqual({ kind: "solid", color: "#ff3366" });
    const copy = await duplicateScene(db(), ctx, id);
    expect((await loadScene(db(), ctx, copy.id)).name).toMatch(/\(copy\)$/);
  });

  it("answers an invalid document with a 422 naming the field and keeps the stored scene", async () => {
    const o = await seedOwner("invalid");
    const ctx = { workspaceId: o.workspaceId, userId: o.userId };
    const { id } = await createSceneForProduct(db(), ctx, "sample_drink-can");
    const before = await loadScene(db(), ctx, id);
    const err = await saveScene(db(), ctx, id, { ...before.document, background: { kind: "solid", color: "red" } }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(422);
    expect(Object.keys(err.fieldErrors)).toContain("document.background.color");
    const unknownProduct = await saveScene(db(), ctx, id, {
      ...before.document,
      products: [{ ...before.document.products[0], productId: "prd_not_mine" }],
    }).catch((e) => e);
    expect(unknownProduct.status).toBe(422);
    expect(await loadScene(db(), ctx, id)).toEqual(before);
  });

  it("refuses to create a scene for an unknown product", async () => {
    const o = await seedOwner("unknownproduct");
    const err = await createSceneForProduct(db(), { workspaceId: o.workspaceId, userId: o.userId }, "sample_nope").catch((e) => e);
    expect(err.status).toBe(404);
  });
});
