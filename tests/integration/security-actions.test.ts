import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

/**
 * Tenant isolation and roles for every server action ("use server" modules),
 * against the real Postgres. The session is stubbed (as in billing-routes.test.ts);
 * everything after it (workspace lookup, membership, role, zod, the query) is real.
 * The list of actions is read from the source tree at test time: a new action
 * fails here until it is added to ACTIONS or PUBLIC_ACTIONS. The matrix runs per
 * caller type: no caller (signed out), a member of another workspace, each member role.
 * (A render token is no session: to an action it is the same as no caller.)
 */
vi.mock("server-only", () => ({}));
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
  workspaceId: null as string | null,
  cookies: new Map<string, string>(),
}));
vi.mock("@/lib/auth/session", () => ({
  ACTIVE_WORKSPACE_COOKIE: "plinth_ws",
  getSessionUser: async () => session.user,
  activeWorkspaceId: async () => session.workspaceId,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (n: string) => (session.cookies.has(n) ? { value: session.cookies.get(n) } : undefined),
    set: (n: string, v: string) => session.cookies.set(n, v),
  }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { scenes, workspaces, memberships } from "@/lib/db/schema";
import { addMember } from "@/lib/db/queries/workspaces";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { minimumRole } from "@/lib/auth/permissions";
import {
  ACCOUNT_SCOPED,
  ACTIONS,
  declaredWrapper,
  enumerateActions,
  load,
  PUBLIC_ACTIONS,
  SAMPLE,
  TAKES_B_ID,
} from "./action-catalog";
import { db, seedOwner, ownerCaller } from "./helpers";

async function snapshot(workspaceId: string) {
  const ws = await db().select().from(workspaces).where(eq(workspaces.id, workspaceId));
  const sc = await db().select().from(scenes).where(eq(scenes.workspaceId, workspaceId));
  const mem = await db().select().from(memberships).where(eq(memberships.workspaceId, workspaceId));
  return JSON.stringify({ ws, sc: sc.sort((a, b) => a.id.localeCompare(b.id)), mem: mem.length });
}

const as = (u: { userId: string; email: string }, workspaceId: string | null) => {
  session.user = { id: u.userId, email: u.email, name: "T" };
  session.workspaceId = workspaceId;
  session.cookies.clear();
};

describe("server actions: security matrix", () => {
  it("covers every exported server action (public ones listed with a reason)", () => {
    const actions = enumerateActions();
    expect(actions.length).toBeGreaterThan(5);
    expect(
      actions.filter((a) => !(a in ACTIONS) && !(a in PUBLIC_ACTIONS)),
      "new server actions: add them to tests/integration/action-catalog.ts",
    ).toEqual([]);
    expect(
      [...Object.keys(ACTIONS), ...Object.keys(PUBLIC_ACTIONS)].filter((a) => !actions.includes(a)),
      "stale entries",
    ).toEqual([]);
    // Each action is wrapped (none authenticates by hand) and asks for the permission the catalog says.
    const declared = actions.map((a) => `${a}: ${declaredWrapper(a)}`);
    const catalogued = actions.map((a) => {
      if (a in PUBLIC_ACTIONS) return `${a}: publicAction`;
      const permission = ACTIONS[a]?.permission;
      return `${a}: ${permission ? `permission ${permission}` : "userAction"}`;
    });
    expect(declared).toEqual(catalogued);
  });

  it("no caller (signed out): every signed-in action answers unauthorized and nothing changes", async () => {
    const owner = await seedOwner("act-nobody");
    const scene = await createSceneForProduct(db(), ownerCaller(owner), SAMPLE);
    const ids = { sceneId: scene.id, workspaceId: owner.workspaceId };
    const before = await snapshot(owner.workspaceId);
    session.user = null;
    session.cookies.clear();
    const got: string[] = [];
    for (const active of [null, owner.workspaceId]) {
      session.workspaceId = active;
      for (const [key, { call }] of Object.entries(ACTIONS)) {
        const res = await call(await load(key), ids);
        got.push(`${key}: ${res.ok ? "ok" : res.code}`);
      }
    }
    expect(
      got.filter((g) => !g.endsWith(": unauthorized")),
      got.join("\n"),
    ).toEqual([]);
    expect(session.cookies.size).toBe(0);
    expect(await snapshot(owner.workspaceId)).toEqual(before);
  });

  it("a member of another workspace gets not_found from every action and nothing changes", async () => {
    const a = await seedOwner("act-a");
    const b = await seedOwner("act-b");
    const scene = await createSceneForProduct(db(), ownerCaller(b), SAMPLE);
    const bIds = { sceneId: scene.id, workspaceId: b.workspaceId };
    const before = await snapshot(b.workspaceId);
    const got: string[] = [];
    for (const [key, { call }] of Object.entries(ACTIONS)) {
      if (ACCOUNT_SCOPED.has(key)) continue;
      const fn = await load(key);
      // From A's own workspace with B's ids, and with B claimed as the active workspace.
      for (const active of [a.workspaceId, b.workspaceId]) {
        as(a, active);
        const res = await call(fn, bIds);
        // Without an id of B's, an action in A's own workspace is A's right (renameWorkspace, createScene of a
        // shared sample; createScene with B's product id is refused over HTTP by the same service: e2e/security.spec.ts).
        if (active === a.workspaceId && !TAKES_B_ID.has(key)) continue;
        got.push(`${key} active=${active === a.workspaceId ? "A" : "B"}: ${res.ok ? "ok" : res.code}`);
      }
    }
    expect(
      got.every((g) => g.endsWith(": not_found")),
      got.join("\n"),
    ).toBe(true);
    expect(session.cookies.get("plinth_ws")).toBeUndefined(); // switchWorkspace did not switch
    expect(await snapshot(b.workspaceId)).toEqual(before);
  });

  it("roles: a viewer cannot create, edit or delete; an editor cannot rename the workspace (owner)", async () => {
    const owner = await seedOwner("act-owner");
    const viewer = await seedOwner("act-viewer");
    const editor = await seedOwner("act-editor");
    await addMember(db(), owner.workspaceId, viewer.userId, "viewer");
    await addMember(db(), owner.workspaceId, editor.userId, "editor");
    const scene = await createSceneForProduct(db(), ownerCaller(owner), SAMPLE);
    const ids = { sceneId: scene.id, workspaceId: owner.workspaceId };
    const before = await snapshot(owner.workspaceId);
    const rank = { viewer: 0, editor: 1, owner: 2 };
    const got: string[] = [];
    const want: string[] = [];
    for (const [key, { call, permission }] of Object.entries(ACTIONS)) {
      if (ACCOUNT_SCOPED.has(key) || key.endsWith("#deleteSceneAction")) continue;
      // The role each action needs comes from the permission table (lib/auth/permissions.ts).
      const role = permission ? (minimumRole(permission) ?? "owner") : "viewer";
      for (const [who, user] of [
        ["viewer", viewer],
        ["editor", editor],
      ] as const) {
        if (rank[who] >= rank[role]) continue;
        as(user, owner.workspaceId);
        const res = await call(await load(key), ids);
        got.push(`${who} ${key}: ${res.ok ? "ok" : res.code}`);
        want.push(`${who} ${key}: forbidden`);
      }
    }
    as(viewer, owner.workspaceId);
    const del = await ACTIONS["app/(app)/scenes/actions.ts#deleteSceneAction"].call(
      await load("app/(app)/scenes/actions.ts#deleteSceneAction"),
      ids,
    );
    got.push(`viewer delete: ${del.ok ? "ok" : del.code}`);
    want.push("viewer delete: forbidden");
    expect(got).toEqual(want);
    expect(await snapshot(owner.workspaceId)).toEqual(before);
    // And the roles that may, can (the refusals above are about roles).
    as(editor, owner.workspaceId);
    expect(
      (
        await ACTIONS["app/(app)/scenes/actions.ts#renameSceneAction"].call(
          await load("app/(app)/scenes/actions.ts#renameSceneAction"),
          ids,
        )
      ).ok,
    ).toBe(true);
    as(owner, owner.workspaceId);
    expect(
      (
        await ACTIONS["app/(app)/actions.ts#renameWorkspaceAction"].call(
          await load("app/(app)/actions.ts#renameWorkspaceAction"),
          ids,
        )
      ).ok,
    ).toBe(true);
  });
});
