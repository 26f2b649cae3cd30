import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
  workspaceId: null as string | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  activeWorkspaceId: async () => session.workspaceId,
}));

import { GET as getVersionRoute } from "@/app/api/scenes/[sceneId]/versions/[versionId]/route";
import { POST as restoreRoute } from "@/app/api/scenes/[sceneId]/versions/[versionId]/restore/route";
import { GET as listRoute, POST as nameRoute } from "@/app/api/scenes/[sceneId]/versions/route";
import { memberships, sceneVersions } from "@/lib/db/schema";
import { stopBoss } from "@/lib/jobs/boss";
import { exportScene } from "@/lib/renders/render-service";
import { AUTOMATIC_VERSIONS_KEPT, recordAutoVersion } from "@/lib/scene-versions/auto-version";
import { createSceneForProduct, loadScene, saveScene } from "@/lib/stored-scenes/scene-service";
import { db, ownerCaller, seedOwner } from "./helpers";

afterAll(async () => {
  await stopBoss();
});

type Signed = { userId: string; email: string; workspaceId: string };
const signIn = (who: Signed, workspaceId = who.workspaceId) => {
  session.user = { id: who.userId, email: who.email, name: "Someone" };
  session.workspaceId = workspaceId;
};

function call(
  handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
  method: "GET" | "POST",
  path: string,
  params: Record<string, string>,
  body?: unknown,
) {
  return handler(
    new Request(`http://localhost${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    }),
    { params: Promise.resolve(params) },
  );
}

const list = (sceneId: string) => call(listRoute, "GET", `/api/scenes/${sceneId}/versions`, { sceneId });
const name = (sceneId: string, body: unknown) =>
  call(nameRoute, "POST", `/api/scenes/${sceneId}/versions`, { sceneId }, body);
const restore = (sceneId: string, versionId: string, body: unknown = {}) =>
  call(restoreRoute, "POST", `/api/scenes/${sceneId}/versions/${versionId}/restore`, { sceneId, versionId }, body);
const preview = (sceneId: string, versionId: string) =>
  call(getVersionRoute, "GET", `/api/scenes/${sceneId}/versions/${versionId}`, { sceneId, versionId });

type ListBody = {
  revision: number;
  versions: { id: string; kind: string; name: string | null; sceneRevision: number; picture: string | null }[];
};

async function seeded(prefix: string) {
  const owner = await seedOwner(prefix);
  const ctx = ownerCaller(owner);
  const { id: sceneId } = await createSceneForProduct(db(), ctx, "sample_perfume-bottle");
  signIn(owner);
  return { owner, ctx, sceneId };
}

const solid = (color: string) => ({ kind: "solid" as const, color });
const TINY_WEBP = "data:image/webp;base64,UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

async function setBackground(ctx: ReturnType<typeof ownerCaller>, sceneId: string, color: string) {
  const scene = await loadScene(db(), ctx, sceneId);
  return saveScene(db(), ctx, sceneId, { ...scene.document, background: solid(color) }, scene.revision);
}

/** Makes the newest versions look older, as if the edits had gone on for that long. */
async function age(sceneId: string, minutes: number) {
  await db()
    .update(sceneVersions)
    .set({ createdAt: sql`${sceneVersions.createdAt} - make_interval(mins => ${minutes})` })
    .where(eq(sceneVersions.sceneId, sceneId));
}

describe("scene version history", () => {
  it("an export keeps the exported document as an export version", async () => {
    const { ctx, sceneId } = await seeded("ver-export");
    await setBackground(ctx, sceneId, "#114477");
    const before = (await (await list(sceneId)).json()) as ListBody;
    const batch = await exportScene(db(), ctx, sceneId, {
      outputs: [{ label: "1:1", width: 256, height: 256 }],
      format: "png",
    });
    const body = (await (await list(sceneId)).json()) as ListBody;
    expect(body.versions.length).toBe(before.versions.length + 1);
    const exported = body.versions[0];
    expect(exported.kind).toBe("export");
    expect(exported.sceneRevision).toBe(body.revision);
    // Not rendered yet: no picture until the output's file exists.
    expect(exported.picture).toBeNull();
    const row = await db().select().from(sceneVersions).where(eq(sceneVersions.id, exported.id));
    expect(row[0].renderOutputId).toBe(batch.outputIds[0]);
    const shown = (await (await preview(sceneId, exported.id)).json()) as {
      version: { document: { background: unknown } };
    };
    expect(shown.version.document.background).toEqual(solid("#114477"));
  });

  it("the save path keeps at most one auto snapshot per 10 minutes: the state each burst of edits replaced", async () => {
    const { ctx, sceneId } = await seeded("ver-auto");
    const original = await loadScene(db(), ctx, sceneId);
    await setBackground(ctx, sceneId, "#111111");
    await setBackground(ctx, sceneId, "#222222");
    await setBackground(ctx, sceneId, "#333333");
    let body = (await (await list(sceneId)).json()) as ListBody;
    // One snapshot for three saves: the scene as it was before the first of them.
    expect(body.versions.map((v) => [v.kind, v.sceneRevision])).toEqual([["auto", original.revision]]);

    await age(sceneId, 11);
    await setBackground(ctx, sceneId, "#444444");
    body = (await (await list(sceneId)).json()) as ListBody;
    expect(body.versions.map((v) => v.kind)).toEqual(["auto", "auto"]);
    const newest = (await (await preview(sceneId, body.versions[0].id)).json()) as {
      version: { document: { background: unknown } };
    };
    // The state the 11-minutes-later save replaced: the end of the earlier session survives.
    expect(newest.version.document.background).toEqual(solid("#333333"));

    // A stale save writes nothing, snapshot included.
    await age(sceneId, 11);
    const stale = await saveScene(db(), ctx, sceneId, original.document, original.revision).catch((e) => e);
    expect(stale.status).toBe(409);
    expect(((await (await list(sceneId)).json()) as ListBody).versions).toHaveLength(2);
  });

  it("prunes unnamed automatic versions beyond the cap and keeps named ones", async () => {
    const { ctx, sceneId, owner } = await seeded("ver-cap");
    const scene = await loadScene(db(), ctx, sceneId);
    expect((await name(sceneId, { name: "Keeper" })).status).toBe(201);
    const old = new Date(Date.now() - 3600_000);
    await db()
      .insert(sceneVersions)
      .values(
        Array.from({ length: AUTOMATIC_VERSIONS_KEPT + 5 }, (_, i) => ({
          id: `scv_cap${String(i).padStart(3, "0")}_${sceneId}`,
          workspaceId: owner.workspaceId,
          sceneId,
          kind: "auto" as const,
          document: scene.document,
          sceneRevision: scene.revision,
          createdAt: new Date(old.getTime() + i * 1000),
        })),
      );
    await recordAutoVersion(db(), ctx, sceneId, { document: scene.document, revision: scene.revision });
    const rows = await db()
      .select({ id: sceneVersions.id, kind: sceneVersions.kind, name: sceneVersions.name })
      .from(sceneVersions)
      .where(eq(sceneVersions.sceneId, sceneId));
    expect(rows.filter((r) => r.kind === "auto")).toHaveLength(AUTOMATIC_VERSIONS_KEPT);
    expect(rows.filter((r) => r.kind === "named").map((r) => r.name)).toEqual(["Keeper"]);
    // The oldest went first.
    expect(rows.some((r) => r.id === `scv_cap000_${sceneId}`)).toBe(false);
    expect(rows.some((r) => r.id === `scv_cap054_${sceneId}`)).toBe(true);

    // An export's snapshot (one statement with its prune) keeps the cap too.
    await exportScene(db(), ctx, sceneId, { outputs: [{ label: "1:1", width: 256, height: 256 }], format: "png" });
    const after = await db()
      .select({ id: sceneVersions.id, kind: sceneVersions.kind })
      .from(sceneVersions)
      .where(eq(sceneVersions.sceneId, sceneId));
    expect(after.filter((r) => r.kind === "auto" || r.kind === "export")).toHaveLength(AUTOMATIC_VERSIONS_KEPT);
    expect(after.filter((r) => r.kind === "export")).toHaveLength(1);
    expect(after.some((r) => r.id === `scv_cap006_${sceneId}`)).toBe(false);
    expect(after.filter((r) => r.kind === "named")).toHaveLength(1);
  });

  it("restore makes the version current through the revision-checked save and keeps the state it replaced", async () => {
    const { ctx, sceneId } = await seeded("ver-restore");
    await setBackground(ctx, sceneId, "#cc2200");
    const at = await loadScene(db(), ctx, sceneId);
    const named = await name(sceneId, { name: "Red", revision: at.revision, thumbnail: TINY_WEBP });
    expect(named.status).toBe(201);
    const { id: redId } = (await named.json()) as { id: string };
    await age(sceneId, 1);
    await setBackground(ctx, sceneId, "#0033cc");
    const blue = await loadScene(db(), ctx, sceneId);

    // A stale revision: 409 with the current one, nothing written.
    const countBefore = ((await (await list(sceneId)).json()) as ListBody).versions.length;
    const stale = await restore(sceneId, redId, { revision: at.revision });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { revision: number }).revision).toBe(blue.revision);
    expect((await loadScene(db(), ctx, sceneId)).document.background).toEqual(solid("#0033cc"));
    expect(((await (await list(sceneId)).json()) as ListBody).versions).toHaveLength(countBefore);

    const res = await restore(sceneId, redId, { revision: blue.revision });
    expect(res.status).toBe(200);
    const restored = (await res.json()) as { revision: number; versionId: string };
    expect(restored.revision).toBe(blue.revision + 1);
    const now = await loadScene(db(), ctx, sceneId);
    expect(now.revision).toBe(restored.revision);
    expect(now.document.background).toEqual(solid("#cc2200"));

    const body = (await (await list(sceneId)).json()) as ListBody;
    expect(body.revision).toBe(restored.revision);
    const [restoreEntry, beforeEntry] = body.versions;
    expect(restoreEntry).toMatchObject({ id: restored.versionId, kind: "restore", name: "Red", picture: TINY_WEBP });
    expect(beforeEntry).toMatchObject({ kind: "auto", name: "Before restoring", sceneRevision: blue.revision });
    const kept = (await (await preview(sceneId, beforeEntry.id)).json()) as {
      version: { document: { background: unknown } };
    };
    expect(kept.version.document.background).toEqual(solid("#0033cc"));
    expect(body.versions.some((v) => v.id === redId)).toBe(true);

    // A version whose product is gone since: 422 naming it, and nothing written (no "Before restoring" either).
    const gone = await loadScene(db(), ctx, sceneId);
    await db()
      .insert(sceneVersions)
      .values({
        id: `scv_gone_${sceneId}`,
        workspaceId: ctx.workspaceId,
        sceneId,
        kind: "named",
        name: "Old product",
        document: { ...gone.document, products: [{ ...gone.document.products[0], productId: "prd_gone" }] },
        sceneRevision: 1,
      });
    const refused = await restore(sceneId, `scv_gone_${sceneId}`, { revision: gone.revision });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/prd_gone/);
    expect((await loadScene(db(), ctx, sceneId)).revision).toBe(gone.revision);
    expect(((await (await list(sceneId)).json()) as ListBody).versions).toHaveLength(body.versions.length + 1);
  });

  it("answers 422 for a bad name or thumbnail and 404 for unknown ids, another scene's or another workspace's", async () => {
    const a = await seeded("ver-iso-a");
    const { id: otherSceneOfA } = await createSceneForProduct(db(), a.ctx, "sample_drink-can");
    const aVersion = (await (await name(a.sceneId, { name: "Mine" })).json()) as { id: string };
    expect((await name(a.sceneId, { name: "   " })).status).toBe(422);
    expect((await name(a.sceneId, { name: "x", thumbnail: "data:text/html;base64,PHNjcmlwdD4=" })).status).toBe(422);
    expect((await restore(a.sceneId, "scv_unknown")).status).toBe(404);
    expect((await preview(otherSceneOfA, aVersion.id)).status).toBe(404);
    expect((await restore(otherSceneOfA, aVersion.id)).status).toBe(404);

    const b = await seeded("ver-iso-b");
    // B, signed in to its own workspace, names A's scene and version: unknown, nothing changes.
    const revisionBefore = (await loadScene(db(), a.ctx, a.sceneId)).revision;
    expect((await list(a.sceneId)).status).toBe(404);
    expect((await preview(a.sceneId, aVersion.id)).status).toBe(404);
    expect((await restore(a.sceneId, aVersion.id)).status).toBe(404);
    expect((await name(a.sceneId, { name: "pwned" })).status).toBe(404);
    // B claiming A's workspace as the active one: not a member, 404.
    signIn(b.owner, a.owner.workspaceId);
    expect((await list(a.sceneId)).status).toBe(404);
    expect((await restore(a.sceneId, aVersion.id)).status).toBe(404);
    expect((await loadScene(db(), a.ctx, a.sceneId)).revision).toBe(revisionBefore);
    const aRows = await db()
      .select({ name: sceneVersions.name })
      .from(sceneVersions)
      .where(and(eq(sceneVersions.sceneId, a.sceneId)));
    expect(aRows.map((r) => r.name)).toEqual(["Mine"]);
  });

  it("a viewer can list and preview versions but not name or restore one", async () => {
    const { owner, sceneId } = await seeded("ver-viewer");
    const { id } = (await (await name(sceneId, { name: "Approved" })).json()) as { id: string };
    const viewer = await seedOwner("ver-viewer-v");
    await db().insert(memberships).values({ workspaceId: owner.workspaceId, userId: viewer.userId, role: "viewer" });
    signIn(viewer, owner.workspaceId);
    const listed = await list(sceneId);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as ListBody).versions.map((v) => v.name)).toEqual(["Approved"]);
    expect((await preview(sceneId, id)).status).toBe(200);
    const denied = await restore(sceneId, id);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { message: string } }).error.message).toMatch(/viewer/i);
    expect((await name(sceneId, { name: "Mine now" })).status).toBe(403);
    expect(
      (await db().select().from(sceneVersions).where(eq(sceneVersions.sceneId, sceneId))).map((r) => r.name),
    ).toEqual(["Approved"]);
  });
});

describe("version history paging", () => {
  const page = (sceneId: string, before?: string) =>
    call(
      listRoute,
      "GET",
      `/api/scenes/${sceneId}/versions${before === undefined ? "" : `?before=${encodeURIComponent(before)}`}`,
      { sceneId },
    );
  type Page = ListBody & { nextCursor: string | null };

  it("pages through every version, newest first, with no repeats or gaps, even where times tie", async () => {
    const { owner, ctx, sceneId } = await seeded("ver-paging");
    const scene = await loadScene(db(), ctx, sceneId);
    const base = Date.now() - 86_400_000;
    // 130 named versions (never pruned): pairs share a millisecond, and 10 share one exact timestamp.
    await db()
      .insert(sceneVersions)
      .values(
        Array.from({ length: 130 }, (_, i) => ({
          id: `scv_page${String(i).padStart(3, "0")}_${sceneId}`,
          workspaceId: owner.workspaceId,
          sceneId,
          kind: "named" as const,
          name: `v${i}`,
          document: scene.document,
          sceneRevision: scene.revision,
          createdAt: new Date(base + (i < 10 ? 0 : Math.floor(i / 2) * 1000)),
        })),
      );
    // Microseconds a JS Date cannot hold: the cursor must keep them.
    await db().execute(
      sql`update scene_versions set created_at = created_at + interval '0.000333 second' where id = ${`scv_page011_${sceneId}`}`,
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    for (let n = 0; n < 5; n++) {
      const res = await page(sceneId, cursor);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Page;
      sizes.push(body.versions.length);
      seen.push(...body.versions.map((v) => v.id));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    expect(sizes).toEqual([50, 50, 30]);
    expect(new Set(seen).size).toBe(130);
    const rows = await db()
      .select({ id: sceneVersions.id })
      .from(sceneVersions)
      .where(eq(sceneVersions.sceneId, sceneId))
      .orderBy(sql`${sceneVersions.createdAt} desc, ${sceneVersions.id} desc`);
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it("a cursor that is not one the list gave out is a 400 that says what to do", async () => {
    const { sceneId } = await seeded("ver-paging-bad");
    for (const bad of ["nope", Buffer.from(JSON.stringify(["yesterday", "x"])).toString("base64url")]) {
      const res = await page(sceneId, bad);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Open the history again/);
    }
  });
});
