import { describe, expect, it } from "vitest";
import { authorizeWorkspace } from "@/lib/auth/workspace-access";
import { addMember } from "@/lib/db/queries/workspaces";
import { AppError } from "@/lib/errors";
import { createSceneForProduct, loadScene, saveScene } from "@/lib/scenes/scene-service";
import { db, seedOwner } from "./helpers";

const SAMPLE = "sample_drink-can";

describe("workspace access (the shared helper's core)", () => {
  it("gives a member of workspace A a 404 for workspace B, the same as an unknown id", async () => {
    const a = await seedOwner("a");
    const b = await seedOwner("b");
    const crossing = await authorizeWorkspace(db(), a.userId, b.workspaceId, "viewer").catch((e) => e);
    expect(crossing).toBeInstanceOf(AppError);
    expect(crossing.status).toBe(404);
    const unknown = await authorizeWorkspace(db(), a.userId, "ws_doesnotexist", "viewer").catch((e) => e);
    expect(unknown.status).toBe(404);
    expect(unknown.message).toBe(crossing.message);
  });

  it("hides another workspace's scene behind a 404 and leaves it untouched", async () => {
    const a = await seedOwner("sa");
    const b = await seedOwner("sb");
    const scene = await createSceneForProduct(db(), { workspaceId: b.workspaceId, userId: b.userId }, SAMPLE);
    const read = await loadScene(db(), { workspaceId: a.workspaceId, userId: a.userId }, scene.id).catch((e) => e);
    expect(read.status).toBe(404);
    const original = await loadScene(db(), { workspaceId: b.workspaceId, userId: b.userId }, scene.id);
    const doc = { ...original.document, background: { kind: "solid", color: "#000000" } };
    const write = await saveScene(db(), { workspaceId: a.workspaceId, userId: a.userId }, scene.id, doc).catch((e) => e);
    expect(write.status).toBe(404);
    const after = await loadScene(db(), { workspaceId: b.workspaceId, userId: b.userId }, scene.id);
    expect(after.document).toEqual(original.document);
    expect(after.revision).toBe(original.revision);
  });

  it("lets a viewer read but not perform an editor action (403)", async () => {
    const owner = await seedOwner("owner");
    const viewer = await seedOwner("viewer");
    await addMember(db(), owner.workspaceId, viewer.userId, "viewer");
    const ctx = await authorizeWorkspace(db(), viewer.userId, owner.workspaceId, "viewer");
    expect(ctx.role).toBe("viewer");
    const denied = await authorizeWorkspace(db(), viewer.userId, owner.workspaceId, "editor").catch((e) => e);
    expect(denied).toBeInstanceOf(AppError);
    expect(denied.status).toBe(403);
    expect(denied.message).toMatch(/viewer/);
    const editorOnly = await authorizeWorkspace(db(), owner.userId, owner.workspaceId, "owner");
    expect(editorOnly.role).toBe("owner");
  });
});
