import { describe, expect, it } from "vitest";
import { API_KEY_PATTERN, generateApiKey, hashApiKey, keyMode, sameHash } from "./secret";

describe("API key secrets", () => {
  it("are 32 base62 characters after a readable prefix (about 190 bits), never repeated", () => {
    const keys = Array.from({ length: 2000 }, () => generateApiKey("live"));
    for (const k of keys) {
      expect(k.key).toMatch(API_KEY_PATTERN);
      expect(k.key.startsWith(k.prefix)).toBe(true);
      expect(k.hash).toBe(hashApiKey(k.key));
      expect(k.hash).not.toContain(k.key.slice(9));
    }
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
    // 32 characters of 62 each: log2(62) * 32 ≈ 190 bits.
    expect(Math.log2(62) * 32).toBeGreaterThan(128);
    // Every character of the alphabet turns up (no biased or stuck positions over 64,000 draws).
    expect(new Set(keys.flatMap((k) => [...k.key.slice(9)])).size).toBe(62);
    expect(generateApiKey("test").key).toMatch(/^plk_test_/);
  });

  it("tell a key from anything else before the database is asked", () => {
    expect(keyMode(generateApiKey("test").key)).toBe("test");
    for (const bad of ["", "plk_live_", "plk_live_short", `plk_prod_${"a".repeat(32)}`, `plk_live_${"a".repeat(31)}!`])
      expect(keyMode(bad)).toBeNull();
  });

  it("compare hashes in constant time, never secrets, and refuse hashes of another length", () => {
    const a = hashApiKey(generateApiKey("live").key);
    const b = hashApiKey(generateApiKey("live").key);
    expect(sameHash(a, a)).toBe(true);
    expect(sameHash(a, b)).toBe(false);
    expect(sameHash(a, a.slice(0, 62))).toBe(false);
    expect(sameHash("", "")).toBe(false);
  });
});
