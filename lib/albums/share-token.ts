import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes: 256 bits, base64url (43 characters). Only its SHA-256 is stored. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newShareToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function isWellFormedShareToken(token: string | null | undefined): token is string {
  return typeof token === "string" && TOKEN_SHAPE.test(token);
}

/** SHA-256, hex: a leaked row does not open the album, and lookups need no secret. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function shareTokenHint(token: string): string {
  return token.slice(0, 4);
}

export function sharePath(token: string): string {
  return `/s/${token}`;
}

/** The cookie that says "this browser typed the link's password"; one per link. */
export function unlockCookieName(linkId: string): string {
  return `plinth_album_${linkId}`;
}

/**
 * The unlock cookie's value: an HMAC of the link id keyed with the link's bcrypt hash (which never leaves the server
 * and holds a random salt), so it cannot be forged from outside and a new password voids every earlier unlock.
 */
export function unlockProof(linkId: string, passwordHash: string): string {
  return createHmac("sha256", passwordHash).update(`album-unlock:${linkId}`).digest("base64url");
}

export function isUnlockProof(value: string | undefined, linkId: string, passwordHash: string): boolean {
  if (!value) return false;
  const want = Buffer.from(unlockProof(linkId, passwordHash));
  const got = Buffer.from(value);
  return got.length === want.length && timingSafeEqual(got, want);
}
