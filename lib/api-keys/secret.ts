import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiKeyMode } from "@/lib/db/schema";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 32 base62 characters from 32 random bytes: about 190 bits, far past guessing (>= 128 bits asked). */
const SECRET_LENGTH = 32;
/** Characters of the secret kept in the readable prefix: enough to tell keys apart, far too few to matter. */
const HINT_LENGTH = 6;

export const KEY_PREFIX: Record<ApiKeyMode, string> = { live: "plk_live_", test: "plk_test_" };
/** What a well-formed key looks like; anything else is refused before the database is asked. */
export const API_KEY_PATTERN = /^plk_(live|test)_[0-9A-Za-z]{32}$/;

function randomSecret(): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
  let out = "";
  while (out.length < SECRET_LENGTH) {
    for (const b of randomBytes(SECRET_LENGTH)) {
      if (b < 248 && out.length < SECRET_LENGTH) out += ALPHABET[b % 62];
    }
  }
  return out;
}

/** SHA-256 of the whole key, hex: what is stored and looked up (the key itself never is). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A new key: the full secret (shown once), its hash and its readable prefix. */
export function generateApiKey(mode: ApiKeyMode): { key: string; hash: string; prefix: string } {
  const secret = randomSecret();
  const key = KEY_PREFIX[mode] + secret;
  return { key, hash: hashApiKey(key), prefix: KEY_PREFIX[mode] + secret.slice(0, HINT_LENGTH) };
}

/** The mode a well-formed key claims, or null for anything that is not a key. */
export function keyMode(key: string): ApiKeyMode | null {
  const m = API_KEY_PATTERN.exec(key);
  return m ? (m[1] as ApiKeyMode) : null;
}

/**
 * Hashes compared in constant time. The row is found by its hash (an index lookup on a value the caller cannot
 * steer), and this second check makes sure no comparison of secrets ever depends on how many characters match.
 */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
