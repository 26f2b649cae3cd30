import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Short-lived tokens for the internal render page: `<expiry>.<hmac>` bound to
 * one output id, so a leaked URL opens one render for a few minutes, nothing else.
 */
const DEFAULT_TTL_SECONDS = 300;

/** The worker's long-lived render page is opened with a token for this id (it carries no data of its own). */
export const RENDER_SESSION_ID = "session";

/**
 * Render tokens have their own key (RENDER_TOKEN_SECRET, generated into DATA_DIR/render-secret), never the session
 * secret: the worker signs them while its Chromium runs uploaded models, and a compromised renderer that learns this
 * key can open render pages for a few minutes, but never mint a session.
 */
function key(): string {
  const { RENDER_TOKEN_SECRET: secret, NEXTAUTH_SECRET } = env();
  if (!secret) throw new Error("RENDER_TOKEN_SECRET is not set: render tokens cannot be signed or checked");
  if (secret === NEXTAUTH_SECRET) throw new Error("RENDER_TOKEN_SECRET must differ from NEXTAUTH_SECRET");
  return createHmac("sha256", secret).update("plinth-render-token-v1").digest("hex");
}

function sign(outputId: string, expiresAt: number): string {
  return createHmac("sha256", key()).update(`${outputId}.${expiresAt}`).digest("base64url");
}

export function createRenderToken(outputId: string, ttlSeconds = DEFAULT_TTL_SECONDS, now = Date.now()): string {
  const expiresAt = Math.floor(now / 1000) + ttlSeconds;
  return `${expiresAt}.${sign(outputId, expiresAt)}`;
}

export type TokenCheck = { ok: true } | { ok: false; reason: "missing" | "malformed" | "expired" | "invalid" };

export function verifyRenderToken(outputId: string, token: string | null | undefined, now = Date.now()): TokenCheck {
  if (!token) return { ok: false, reason: "missing" };
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: "malformed" };
  const expiresAt = Number(match[1]);
  const expected = Buffer.from(sign(outputId, expiresAt));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  if (expiresAt * 1000 < now) return { ok: false, reason: "expired" };
  return { ok: true };
}
