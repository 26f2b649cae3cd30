import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRenderToken } from "@/lib/renders/render-token";
import { actingUserId, assertCan, callerCan, memberCaller, permissionsOf, type ApiKeyCaller } from "./caller";
import { renderTokenId, resolveRenderTokenCaller } from "./render-token-caller";

const SECRETS = {
  NEXTAUTH_SECRET: "test-session-secret-000000000000000",
  RENDER_TOKEN_SECRET: "test-render-secret-0000000000000000",
};
beforeAll(() => Object.assign(process.env, SECRETS));
afterEach(() => Object.assign(process.env, SECRETS));

describe("callers", () => {
  it("a member holds their role's permissions; a refusal names the role that would do", () => {
    const viewer = memberCaller("usr_1", "ws_1", "viewer");
    expect(callerCan(viewer, "templates.view")).toBe(true);
    expect(callerCan(viewer, "previews.queue")).toBe(false);
    expect(() => assertCan(viewer, "scenes.write")).toThrow(
      "Your role (viewer) cannot do this. Ask a workspace owner for editor access.",
    );
    expect(() => assertCan(memberCaller("usr_1", "ws_1", "editor"), "billing.manage")).toThrow(/for owner access/);
    expect(() => assertCan(memberCaller("usr_1", "ws_1", "owner"), "billing.manage")).not.toThrow();
    expect(actingUserId(viewer)).toBe("usr_1");
  });

  it("an API key holds only its own scopes and acts for no user", () => {
    const key: ApiKeyCaller = { kind: "api_key", keyId: "key_1", workspaceId: "ws_1", scopes: ["renders.create"] };
    expect(callerCan(key, "renders.create")).toBe(true);
    expect(callerCan(key, "renders.view")).toBe(false);
    expect(() => assertCan(key, "billing.manage")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(actingUserId(key)).toBeNull();
  });
});

describe("render token callers", () => {
  it("a token resolves to a caller for exactly the subject it was signed for, with the narrow scope", () => {
    const token = createRenderToken(renderTokenId({ kind: "thumbnail", id: "tht_1" }));
    const caller = resolveRenderTokenCaller({ kind: "thumbnail", id: "tht_1" }, token);
    expect(caller).toEqual({
      kind: "render_token",
      subject: { kind: "thumbnail", id: "tht_1" },
      scopes: ["render_models.read"],
    });
    expect(permissionsOf(caller!)).toEqual(["render_models.read"]);
    expect(callerCan(caller!, "products.view")).toBe(false);
    expect(() => assertCan(caller!, "renders.view")).toThrow(expect.objectContaining({ code: "forbidden" }));
  });

  it("refuses a missing, tampered or expired token, and one for another subject or another kind", () => {
    const outputToken = createRenderToken(renderTokenId({ kind: "output", id: "rnd_1" }));
    expect(resolveRenderTokenCaller({ kind: "output", id: "rnd_1" }, outputToken)).not.toBeNull();
    expect(resolveRenderTokenCaller({ kind: "output", id: "rnd_1" }, null)).toBeNull();
    expect(resolveRenderTokenCaller({ kind: "output", id: "rnd_1" }, outputToken.slice(0, -2) + "xx")).toBeNull();
    expect(resolveRenderTokenCaller({ kind: "output", id: "rnd_2" }, outputToken)).toBeNull();
    // Same id, other kinds: a token for one kind of render never opens another kind's assets.
    expect(resolveRenderTokenCaller({ kind: "product", id: "rnd_1" }, outputToken)).toBeNull();
    expect(resolveRenderTokenCaller({ kind: "thumbnail", id: "rnd_1" }, outputToken)).toBeNull();
    expect(resolveRenderTokenCaller({ kind: "session", id: "session" }, outputToken)).toBeNull();
    const expired = createRenderToken(renderTokenId({ kind: "product", id: "prd_1" }), 1, Date.now() - 60_000);
    expect(resolveRenderTokenCaller({ kind: "product", id: "prd_1" }, expired)).toBeNull();
  });
});
