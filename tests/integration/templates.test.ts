import { describe, expect, it } from "vitest";
import { linkSceneToTemplate, templateOfScene, upsertBrandKit } from "@/lib/db/queries/templates";
import { loadScene } from "@/lib/stored-scenes/scene-service";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { BUILT_IN_TEMPLATES } from "@/lib/scene/templates";
import {
  keepVariations,
  loadBrandKit,
  loadGallery,
  saveSceneAsTemplate,
  useTemplate,
} from "@/lib/templates/template-service";
import { db, seedOwner, ownerCaller } from "./helpers";

const PRODUCT = "sample_drink-can";

describe("templates", () => {
  it("'Use template' creates a scene in the caller's workspace, product on the podium, remembering the template", async () => {
    const o = await seedOwner("tpl-use");
    const ctx = ownerCaller(o);
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === "marble-carrara")!;
    const { sceneId } = await useTemplate(db(), ctx, { templateId: template.id, productId: PRODUCT, tinted: false });
    const scene = await loadScene(db(), ctx, sceneId);
    expect(scene.document.products[0].productId).toBe(PRODUCT);
    expect(scene.document.products[0].position[1]).toBe(scene.document.stage.podium!.height);
    expect(scene.document.background).toEqual(template.document.background);
    expect(await templateOfScene(db(), o.workspaceId, sceneId)).toBe(template.id);
    // Another workspace cannot see it.
    const other = await seedOwner("tpl-use-other");
    await expect(loadScene(db(), ownerCaller(other), sceneId)).rejects.toMatchObject({ status: 404 });
  });

  it("tints with the brand kit when asked", async () => {
    const o = await seedOwner("tpl-tint");
    const ctx = ownerCaller(o);
    await upsertBrandKit(
      db(),
      o.workspaceId,
      {
        brandName: "Acme",
        palette: ["#1d7a3a", "#2244aa"],
        likedStyles: ["spa"],
        dislikedStyles: [],
        formats: ["1:1"],
      },
      true,
    );
    const kit = await loadBrandKit(db(), o.workspaceId);
    expect(kit.onboarded).toBe(true);
    const plain = await useTemplate(db(), ctx, { templateId: "minimal-ivory", productId: PRODUCT, tinted: false });
    const tinted = await useTemplate(db(), ctx, { templateId: "minimal-ivory", productId: PRODUCT, tinted: true });
    const a = await loadScene(db(), ctx, plain.sceneId);
    const b = await loadScene(db(), ctx, tinted.sceneId);
    expect(b.document.stage.podium!.color).not.toBe(a.document.stage.podium!.color);
    // Liked styles come first.
    const gallery = await loadGallery(db(), o.workspaceId);
    expect(gallery.builtIn[0].style).toBe("spa");
  });

  it("saves a scene as a workspace template; another workspace's custom template is 404", async () => {
    const owner = await seedOwner("tpl-custom");
    const ctx = ownerCaller(owner);
    const { id: sceneId } = await createSceneForProduct(db(), ctx, "sample_perfume-bottle");
    const { id: templateId } = await saveSceneAsTemplate(db(), ctx, { sceneId, name: "Our hero look" });
    const gallery = await loadGallery(db(), owner.workspaceId);
    expect(gallery.yours.map((t) => t.id)).toContain(templateId);

    const { sceneId: fromCustom } = await useTemplate(db(), ctx, { templateId, productId: PRODUCT, tinted: false });
    expect((await loadScene(db(), ctx, fromCustom)).document.products[0].productId).toBe(PRODUCT);

    const other = await seedOwner("tpl-custom-other");
    const octx = ownerCaller(other);
    await expect(useTemplate(db(), octx, { templateId, productId: PRODUCT, tinted: false })).rejects.toMatchObject({
      status: 404,
    });
    expect((await loadGallery(db(), other.workspaceId)).yours).toHaveLength(0);
  });

  it("keeps chosen variations as scenes linked to their templates", async () => {
    const o = await seedOwner("tpl-var");
    const ctx = ownerCaller(o);
    const { scenes } = await keepVariations(db(), ctx, { productId: PRODUCT, seed: 7, count: 12, indexes: [0, 3] });
    expect(scenes).toHaveLength(2);
    for (const s of scenes) expect(await templateOfScene(db(), o.workspaceId, s.sceneId)).toBeTruthy();
    await linkSceneToTemplate(db(), o.workspaceId, scenes[0].sceneId, "minimal-sand");
    expect(await templateOfScene(db(), o.workspaceId, scenes[0].sceneId)).toBe("minimal-sand");
  });
});
