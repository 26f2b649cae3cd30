import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isEmbeddablePage } from "./content-security-policy";

describe("the page CSP", () => {
  it("lets other sites frame a published 3D viewer only", () => {
    expect(isEmbeddablePage("/v/abc")).toBe(true);
    for (const path of ["/", "/products", "/viewer", "/vx/abc", "/api/v/abc/model.glb"])
      expect(isEmbeddablePage(path), path).toBe(false);
    expect(contentSecurityPolicy({ nonce: "n", dev: false })).toContain("frame-ancestors 'none'");
    const viewer = contentSecurityPolicy({ nonce: "n", dev: false, embeddable: true });
    expect(viewer).toContain("frame-ancestors *");
    expect(viewer).not.toContain("frame-ancestors 'none'");
    // Everything else stays as strict: scripts by nonce only, no eval, no other origin.
    expect(viewer).toContain("script-src 'self' 'nonce-n' 'wasm-unsafe-eval';");
    expect(viewer).toContain("connect-src 'self' blob: data:;");
  });
});
