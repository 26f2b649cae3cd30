import { describe, expect, it } from "vitest";
import {
  minimumRole,
  PERMISSIONS,
  RENDER_TOKEN_SCOPES,
  ROLE_ORDER,
  ROLE_PERMISSIONS,
  shareLinkScopes,
  roleCan,
  VIEWER_LINK_SCOPES,
} from "./permissions";

describe("the permission table", () => {
  it("owner > editor > viewer: each role holds everything the one below holds", () => {
    for (let i = 1; i < ROLE_ORDER.length; i++) {
      const lower = ROLE_PERMISSIONS[ROLE_ORDER[i - 1]];
      const higher = ROLE_PERMISSIONS[ROLE_ORDER[i]];
      expect(
        lower.filter((p) => !higher.includes(p)),
        `${ROLE_ORDER[i]} lacks`,
      ).toEqual([]);
      expect(higher.length).toBeGreaterThan(lower.length);
    }
  });

  it("gives each role what it could do before permissions had names", () => {
    // Reads for everyone; creating, editing, deleting, exporting and queueing previews for editors; the workspace
    // itself and billing for owners only.
    expect(PERMISSIONS.filter((p) => roleCan("viewer", p))).toEqual([
      "workspace.view",
      "products.view",
      "scenes.view",
      "templates.view",
      "renders.view",
      "brand_kit.view",
      "albums.view",
      "reviews.write",
    ]);
    for (const p of [
      "products.write",
      "scenes.write",
      "renders.create",
      "renders.delete",
      "previews.queue",
      "shopify.push",
    ] as const) {
      expect([roleCan("viewer", p), roleCan("editor", p), roleCan("owner", p)], p).toEqual([false, true, true]);
    }
    for (const p of ["billing.manage", "workspace.manage", "integrations.manage"] as const) {
      expect([roleCan("viewer", p), roleCan("editor", p), roleCan("owner", p)], p).toEqual([false, false, true]);
    }
  });

  it("names the lowest role for each permission, and none for a render token's scope", () => {
    expect(minimumRole("templates.view")).toBe("viewer");
    expect(minimumRole("previews.queue")).toBe("editor");
    expect(minimumRole("billing.manage")).toBe("owner");
    expect(minimumRole("render_models.read")).toBeNull();
  });

  it("keeps render tokens narrow: no member permission, and no member role holds theirs", () => {
    expect(RENDER_TOKEN_SCOPES).toEqual(["render_models.read"]);
    for (const role of ROLE_ORDER) expect(roleCan(role, "render_models.read")).toBe(false);
  });

  it("keeps viewer links narrow: their files only, and publishing is for editors and owners", () => {
    expect(VIEWER_LINK_SCOPES).toEqual(["viewer_files.read"]);
    for (const role of ROLE_ORDER) expect(roleCan(role, "viewer_files.read")).toBe(false);
    expect(minimumRole("viewers.publish")).toBe("editor");
  });

  it("keeps share links narrow: one album's items, downloads and review only when the link allows them", () => {
    expect(shareLinkScopes({ allowDownloads: false, allowReview: false })).toEqual(["share.view"]);
    expect(shareLinkScopes({ allowDownloads: true, allowReview: true })).toEqual([
      "share.view",
      "share.download",
      "share.review",
    ]);
    for (const role of ROLE_ORDER) expect(roleCan(role, "share.view")).toBe(false);
    expect(minimumRole("albums.manage")).toBe("editor");
  });

  it("lists every permission once, and every permission is held by some role or token", () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    const everyShareScope = shareLinkScopes({ allowDownloads: true, allowReview: true });
    const held = new Set([
      ...ROLE_PERMISSIONS.owner,
      ...RENDER_TOKEN_SCOPES,
      ...VIEWER_LINK_SCOPES,
      ...everyShareScope,
    ]);
    expect(PERMISSIONS.filter((p) => !held.has(p))).toEqual([]);
  });
});
