import { describe, expect, it } from "vitest";
import { authorizeWorkspace } from "@/lib/auth/workspace-access";
import { addMember } from "@/lib/db/queries/workspaces";
import { AppError } from "@/lib/errors";
import { createSceneForProduct, loadScene, saveScene } from "@/lib/stored-scenes/scene-service";
import { db, seedOwner, ownerCaller } from "./helpers";

const SAMPLE = "sample_drink-can";

describe("workspace access (the shared helper's core)", () => {
  it("gives a member of workspace A a 404 for workspace B, the same as an unknown id", async () => {
    const a = await seedOwner("a");
    const b = await seedOwner("b");
    const crossing = await authorizeWorkspace(db(), a.userId, b.workspaceId, "workspace.view").catch((e) => e);
    expect(crossing).toBeInstanceOf(AppError);
    expect(crossing.status).toBe(404);
    const unknown = await authorizeWorkspace(db(), a.userId, "ws_doesnotexist", "workspace.view").catch((e) => e);
    expect(unknown.status).toBe(404);
    expect(unknown.message).toBe(crossing.message);
  });

  it("hides another workspace's scene behind a 404 and leaves it untouched", async () => {
    const a = await seedOwner("sa");
    const b = await seedOwner("sb");
    const scene = await createSceneForProduct(db(), ownerCaller(b), SAMPLE);
    const read = await loadScene(db(), ownerCaller(a), scene.id).catch((e) => e);
    expect(read.status).toBe(404);
    const original = await loadScene(db(), ownerCaller(b), scene.id);
    const doc = { ...original.document, background: { kind: "solid", color: "#000000" } };
    const write = await saveScene(db(), ownerCaller(a), scene.id, doc).catch((e) => e);
    expect(write.status).toBe(404);
    const after = await loadScene(db(), ownerCaller(b), scene.id);
    expect(after.document).toEqual(original.document);
    expect(after.revision).toBe(original.revision);
  });

  it("lets a viewer read but not perform an editor action (403)", async () => {
    const owner = await seedOwner("owner");
    const viewer = await seedOwner("viewer");
    await addMember(db(), owner.workspaceId, viewer.userId, "viewer");
    const ctx = await authorizeWorkspace(db(), viewer.userId, owner.workspaceId, "scenes.view");
    expect(ctx.role).toBe("viewer");
    const denied = await authorizeWorkspace(db(), viewer.userId, owner.workspaceId, "scenes.write").catch((e) => e);
    expect(denied).toBeInstanceOf(AppError);
    expect(denied.status).toBe(403);
    expect(denied.message).toMatch(/viewer/);
    const editorOnly = await authorizeWorkspace(db(), owner.userId, owner.workspaceId, "workspace.manage");
    expect(editorOnly.role).toBe("owner");
  });
});
