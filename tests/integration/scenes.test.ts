import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  copySceneWithDocument,
  createSceneForProduct,
  duplicateScene,
  loadScene,
  saveScene,
  SceneConflictError,
} from "@/lib/stored-scenes/scene-service";
import { db, seedOwner, ownerCaller } from "./helpers";

describe("scenes", () => {
  it("creates the default look for a sample product and saves edits with a new revision", async () => {
    const o = await seedOwner("scenes");
    const ctx = ownerCaller(o);
    const { id } = await createSceneForProduct(db(), ctx, "sample_perfume-bottle");
    const scene = await loadScene(db(), ctx, id);
    expect(scene.document.products[0].productId).toBe("sample_perfume-bottle");
    const saved = await saveScene(db(), ctx, id, {
      ...scene.document,
      background: { kind: "solid", color: "#FF3366" },
    });
    expect(saved.revision).toBe(scene.revision + 1);
    expect((await loadScene(db(), ctx, id)).document.background).toEqual({ kind: "solid", color: "#ff3366" });
    const copy = await duplicateScene(db(), ctx, id);
    expect((await loadScene(db(), ctx, copy.id)).name).toMatch(/\(copy\)$/);
  });

  it("answers an invalid document with a 422 naming the field and keeps the stored scene", async () => {
    const o = await seedOwner("invalid");
    const ctx = ownerCaller(o);
    const { id } = await createSceneForProduct(db(), ctx, "sample_drink-can");
    const before = await loadScene(db(), ctx, id);
    const err = await saveScene(db(), ctx, id, {
      ...before.document,
      background: { kind: "solid", color: "red" },
    }).catch((e) => e);
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

  it("of concurrent saves from one revision exactly one wins; the others get 409 with the current revision", async () => {
    const o = await seedOwner("conflict");
    const ctx = ownerCaller(o);
    const { id } = await createSceneForProduct(db(), ctx, "sample_drink-can");
    const base = await loadScene(db(), ctx, id);
    const colors = ["#111111", "#222222", "#333333", "#444444", "#555555"];
    const results = await Promise.allSettled(
      colors.map((color) =>
        saveScene(db(), ctx, id, { ...base.document, background: { kind: "solid", color } }, base.revision),
      ),
    );
    const won = results.flatMap((r, i) =>
      r.status === "fulfilled" ? [{ color: colors[i], revision: r.value.revision }] : [],
    );
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(won[0].revision).toBe(base.revision + 1);
    expect(lost).toHaveLength(colors.length - 1);
    for (const err of lost) {
      expect(err).toBeInstanceOf(SceneConflictError);
      expect(err.status).toBe(409);
      expect(err.currentRevision).toBe(base.revision + 1);
      expect(err.message).toMatch(/changed in another tab or by someone else/);
    }
    // The winner's document is what is stored; a stale save changed nothing.
    const after = await loadScene(db(), ctx, id);
    expect(after.revision).toBe(base.revision + 1);
    expect(after.document.background).toEqual({ kind: "solid", color: won[0].color });

    // Saving from the current revision works again; an unknown scene is still 404, not 409.
    const next = await saveScene(db(), ctx, id, base.document, after.revision);
    expect(next.revision).toBe(after.revision + 1);
    const missing = await saveScene(db(), ctx, "scn_missing", base.document, 1).catch((e) => e);
    expect(missing.status).toBe(404);
  });

  it("keeps a conflicting document as a copy of the scene; the original stays as it was", async () => {
    const o = await seedOwner("keepcopy");
    const ctx = ownerCaller(o);
    const { id } = await createSceneForProduct(db(), ctx, "sample_drink-can", "Launch");
    const original = await loadScene(db(), ctx, id);
    const mine = { ...original.document, background: { kind: "solid" as const, color: "#00ff00" } };
    const copy = await copySceneWithDocument(db(), ctx, id, mine);
    const stored = await loadScene(db(), ctx, copy.id);
    expect(stored.name).toBe("Launch (my copy)");
    expect(stored.document.background).toEqual({ kind: "solid", color: "#00ff00" });
    expect(await loadScene(db(), ctx, id)).toEqual(original);
    const other = await seedOwner("keepcopy-other");
    const foreign = await copySceneWithDocument(db(), ownerCaller(other), id, mine).catch((e) => e);
    expect(foreign.status).toBe(404);
  });

  it("refuses to create a scene for an unknown product", async () => {
    const o = await seedOwner("unknownproduct");
    const err = await createSceneForProduct(db(), ownerCaller(o), "sample_nope").catch((e) => e);
    expect(err.status).toBe(404);
  });
});
