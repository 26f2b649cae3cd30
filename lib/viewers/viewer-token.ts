import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes: 256 bits, base64url (43 characters). Only its hash is stored. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newViewerToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function isWellFormedViewerToken(token: string | null | undefined): token is string {
  return typeof token === "string" && TOKEN_SHAPE.test(token);
}

/** SHA-256, hex: a leaked database row does not open the viewer, and lookups need no secret. */
export function hashViewerToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The first characters the product page shows, so two links of one product can be told apart. */
export function viewerTokenHint(token: string): string {
  return token.slice(0, 4);
}

export function viewerPath(token: string): string {
  return `/v/${token}`;
}
