import { beforeAll, describe, expect, it } from "vitest";
import { createRenderToken, verifyRenderToken } from "./render-token";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-render-tokens-000000";
});

describe("render page tokens", () => {
  it("opens the output it was made for", () => {
    expect(verifyRenderToken("rnd_a", createRenderToken("rnd_a"))).toEqual({ ok: true });
  });

  it("refuses a missing, tampered, expired or other job's token", () => {
    const token = createRenderToken("rnd_a", 60);
    expect(verifyRenderToken("rnd_a", undefined)).toEqual({ ok: false, reason: "missing" });
    expect(verifyRenderToken("rnd_a", token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toEqual({ ok: false, reason: "invalid" });
    expect(verifyRenderToken("rnd_a", "12.abc")).toEqual({ ok: false, reason: "malformed" });
    expect(verifyRenderToken("rnd_b", token)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyRenderToken("rnd_a", token, Date.now() + 61_000)).toEqual({ ok: false, reason: "expired" });
    // Moving the expiry forward breaks the signature.
    const [exp, mac] = token.split(".");
    expect(verifyRenderToken("rnd_a", `${Number(exp) + 3600}.${mac}`)).toEqual({ ok: false, reason: "invalid" });
  });
});
