import { createHmac } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRenderToken, verifyRenderToken } from "./render-token";

const SESSION_SECRET = "test-session-secret-000000000000000";
const RENDER_SECRET = "test-render-secret-0000000000000000";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SESSION_SECRET;
  process.env.RENDER_TOKEN_SECRET = RENDER_SECRET;
});
afterEach(() => {
  process.env.NEXTAUTH_SECRET = SESSION_SECRET;
  process.env.RENDER_TOKEN_SECRET = RENDER_SECRET;
});

/** A token made exactly as render-token.ts makes one, with a key of the caller's choice. */
function tokenSignedWith(secret: string, id: string, ttlSeconds = 300): string {
  const key = createHmac("sha256", secret).update("plinth-render-token-v1").digest("hex");
  const expiresAt = Math.floor(Date.now() / 1000) + ttlSeconds;
  return `${expiresAt}.${createHmac("sha256", key).update(`${id}.${expiresAt}`).digest("base64url")}`;
}

describe("render page tokens", () => {
  it("opens the output it was made for", () => {
    expect(verifyRenderToken("rnd_a", createRenderToken("rnd_a"))).toEqual({ ok: true });
    expect(verifyRenderToken("rnd_a", tokenSignedWith(RENDER_SECRET, "rnd_a"))).toEqual({ ok: true });
  });

  it("refuses a missing, tampered, expired or other job's token", () => {
    const token = createRenderToken("rnd_a", 60);
    expect(verifyRenderToken("rnd_a", undefined)).toEqual({ ok: false, reason: "missing" });
    expect(verifyRenderToken("rnd_a", token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(verifyRenderToken("rnd_a", "12.abc")).toEqual({ ok: false, reason: "malformed" });
    expect(verifyRenderToken("rnd_b", token)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyRenderToken("rnd_a", token, Date.now() + 61_000)).toEqual({ ok: false, reason: "expired" });
    // Moving the expiry forward breaks the signature.
    const [exp, mac] = token.split(".");
    expect(verifyRenderToken("rnd_a", `${Number(exp) + 3600}.${mac}`)).toEqual({ ok: false, reason: "invalid" });
  });

  it("is signed with the render key, not the session secret: a token made with the session secret is refused", () => {
    expect(verifyRenderToken("session", tokenSignedWith(SESSION_SECRET, "session"))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("cannot be signed or checked without RENDER_TOKEN_SECRET, nor with the session secret as the render key", () => {
    delete process.env.RENDER_TOKEN_SECRET;
    expect(() => createRenderToken("rnd_a")).toThrow(/RENDER_TOKEN_SECRET is not set/);
    process.env.RENDER_TOKEN_SECRET = SESSION_SECRET;
    expect(() => createRenderToken("rnd_a")).toThrow(/must differ/);
  });
});
