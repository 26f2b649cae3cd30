import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
  workspaceId: null as string | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  activeWorkspaceId: async () => session.workspaceId,
}));

import { GET } from "@/app/api/renders/route";
import { renderBatches, renderOutputs } from "@/lib/db/schema";
import { db, seedOwner } from "./helpers";

/**
 * GET /api/renders is what the Renders page's "Load more" and its refresh read: its response is checked against
 * its declared shape (lib/api/outputs/renders.ts), so a list item trimmed in one place and not the other is a 500.
 */
describe("GET /api/renders", () => {
  it("answers the board's list items: a finished output with its file URL, size and render time, no scene id", async () => {
    const o = await seedOwner("renders-route");
    session.user = { id: o.userId, email: o.email, name: "Owner" };
    session.workspaceId = o.workspaceId;
    const batchId = `bat_route_${o.workspaceId}`;
    await db().insert(renderBatches).values({
      id: batchId,
      workspaceId: o.workspaceId,
      sceneName: "Scene",
      productName: "Bottle",
      format: "png",
      quality: "draft",
    });
    await db()
      .insert(renderOutputs)
      .values({
        id: `out_route_${o.workspaceId}`,
        batchId,
        workspaceId: o.workspaceId,
        position: 0,
        label: "Square",
        width: 1080,
        height: 1080,
        snapshot: {},
        status: "done",
        fileKey: "test/missing.png",
        fileName: "bottle-square.png",
        bytes: 54321,
        renderMs: 900,
      });
    const res = await GET(new Request("http://localhost/api/renders"), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const { batches, nextCursor } = await res.json();
    expect(nextCursor).toBeNull();
    expect(batches).toHaveLength(1);
    expect(batches[0]).not.toHaveProperty("sceneId");
    expect(batches[0].outputs[0]).toEqual({
      id: `out_route_${o.workspaceId}`,
      label: "Square",
      width: 1080,
      height: 1080,
      status: "done",
      error: null,
      fileName: "bottle-square.png",
      bytes: 54321,
      renderMs: 900,
      url: `/api/renders/outputs/out_route_${o.workspaceId}/file`,
      video: null,
    });
  });
});
