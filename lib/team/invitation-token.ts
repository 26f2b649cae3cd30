import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes (256 bits), URL-safe: unguessable; only its SHA-256 is stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** How long an invitation link answers after it was (re)sent. */
export const INVITATION_DAYS = 7;
export const invitationExpiry = (from = new Date()) => new Date(from.getTime() + INVITATION_DAYS * 86_400_000);
