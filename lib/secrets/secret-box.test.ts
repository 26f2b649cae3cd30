import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

const key = randomBytes(32);

describe("secrets at rest", () => {
  it("round-trips, and never stores the plain text", () => {
    const sealed = sealSecret("shpat_0123456789abcdef0123456789abcdef", "ws_a:shopify", key);
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain("shpat_");
    expect(openSecret(sealed, "ws_a:shopify", key)).toBe("shpat_0123456789abcdef0123456789abcdef");
  });

  it("uses a fresh IV each time", () => {
    expect(sealSecret("same", "c", key)).not.toBe(sealSecret("same", "c", key));
  });

  it("refuses another context, another key, or a changed byte", () => {
    const sealed = sealSecret("secret", "ws_a:shopify", key);
    expect(openSecret(sealed, "ws_b:shopify", key)).toBeNull();
    expect(openSecret(sealed, "ws_a:shopify", randomBytes(32))).toBeNull();
    const parts = sealed.split(".");
    const data = Buffer.from(parts[3], "base64url");
    data[0] ^= 1;
    expect(openSecret([...parts.slice(0, 3), data.toString("base64url")].join("."), "ws_a:shopify", key)).toBeNull();
    expect(openSecret("garbage", "ws_a:shopify", key)).toBeNull();
  });
});
