import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
  workspaceId: null as string | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  activeWorkspaceId: async () => session.workspaceId,
}));

import { GET as outputFile } from "@/app/api/renders/outputs/[outputId]/file/route";
import { renderBatches, renderOutputs } from "@/lib/db/schema";
import { newId } from "@/lib/ids";
import { setStorageForTests } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import { db, seedOwner } from "./helpers";

/** A stored render served through the real route: a player seeking gets 206 and exactly the bytes it asked for. */
describe("GET /api/renders/outputs/:id/file with Range", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-ranges-"));
  const bytes = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7) % 256);
  let outputId = "";

  beforeAll(async () => {
    const storage = new LocalStorage(dir);
    setStorageForTests(storage);
    const owner = await seedOwner("ranges");
    session.user = { id: owner.userId, email: owner.email, name: "Owner" };
    session.workspaceId = owner.workspaceId;
    const batchId = newId("rbt");
    outputId = newId("rnd");
    const fileKey = `workspaces/${owner.workspaceId}/renders/${batchId}/${outputId}.png`;
    await storage.put(fileKey, bytes);
    const base = { workspaceId: owner.workspaceId, format: "png" as const, quality: "final" as const };
    await db()
      .insert(renderBatches)
      .values({ id: batchId, ...base, sceneName: "Scene", productName: "Can" });
    await db().insert(renderOutputs).values({
      id: outputId,
      batchId,
      workspaceId: owner.workspaceId,
      label: "1:1",
      width: 8,
      height: 8,
      snapshot: {},
      fileName: "can.png",
      status: "done",
      fileKey,
    });
  });
  afterAll(() => {
    setStorageForTests(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (headers: Record<string, string>) =>
    outputFile(new Request(`http://localhost/api/renders/outputs/${outputId}/file`, { headers }), {
      params: Promise.resolve({ outputId }),
    });

  it("answers a range with 206, Content-Range and exactly those bytes", async () => {
    const res = await get({ range: "bytes=65530-70000" });
    expect(res.status).toBe(206);
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-range")).toBe(`bytes 65530-70000/${bytes.length}`);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes.slice(65530, 70001));
  });

  it("sends the whole file without a range, and 416 past the end", async () => {
    const whole = await get({});
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-disposition")).toBe('inline; filename="can.png"');
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    const past = await get({ range: `bytes=${bytes.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
  });
});
