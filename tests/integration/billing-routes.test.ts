import { describe, expect, it, vi } from "vitest";

// No STRIPE_* variables in this file: billing is not configured.
vi.mock("server-only", () => ({}));
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
  workspaceId: null as string | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  activeWorkspaceId: async () => session.workspaceId,
}));

import { POST as checkout } from "@/app/api/billing/checkout/route";
import { GET as portalGet, POST as portal } from "@/app/api/billing/portal/route";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { getWorkspacePlan } from "@/lib/billing/workspace-plan";
import { updateWorkspaceBilling } from "@/lib/db/queries/billing";
import { addMember } from "@/lib/db/queries/workspaces";
import { db, seedOwner } from "./helpers";

const routeCtx = { params: Promise.resolve({}) };
const post = (body: unknown) =>
  new Request("http://localhost/api/billing/checkout", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

describe("billing routes", () => {
  it("lets only owners manage billing: an editor gets 403", async () => {
    const owner = await seedOwner("billowner");
    const editor = await seedOwner("billeditor");
    await addMember(db(), owner.workspaceId, editor.userId, "editor");
    session.user = { id: editor.userId, email: editor.email, name: "Editor" };
    session.workspaceId = owner.workspaceId;
    const res = await checkout(post({ plan: "pro" }), routeCtx);
    expect(res.status).toBe(403);
    expect((await portal(post({}), routeCtx)).status).toBe(403);
    expect((await portalGet(new Request("http://localhost/api/billing/portal"), routeCtx)).status).toBe(403);
    session.user = null;
    expect((await checkout(post({ plan: "pro" }), routeCtx)).status).toBe(401);
  });

  it("without STRIPE_SECRET_KEY: no checkout, every workspace on the free trial", async () => {
    const owner = await seedOwner("nostripe");
    session.user = { id: owner.userId, email: owner.email, name: "Owner" };
    session.workspaceId = owner.workspaceId;
    const res = await checkout(post({ plan: "pro" }), routeCtx);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/not configured/);
    expect((await checkout(post({ plan: "enterprise" }), routeCtx)).status).toBe(422);
    await updateWorkspaceBilling(db(), owner.workspaceId, { planId: "pro", status: "active" });
    const plan = await getWorkspacePlan(db(), owner.workspaceId);
    expect([plan.id, plan.watermark]).toEqual(["trial", true]);
    // The webhook answers 404 when no webhook secret is configured.
    expect(
      (await webhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: "{}" }))).status,
    ).toBe(404);
  });
});
