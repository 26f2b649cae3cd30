import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { secretsKey } from "./secrets-key";

/**
 * Secrets at rest (integration tokens): AES-256-GCM with a fresh 96-bit IV each time, as `v1.<iv>.<tag>.<data>`
 * (base64url). `context` is bound as associated data (say, the workspace id and what the secret is for), so a
 * ciphertext copied into another row or workspace does not decrypt there.
 */
export function sealSecret(plain: string, context: string, key: Buffer = secretsKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The plain secret, or null when it cannot be opened (another key, another context, or tampered with). */
export function openSecret(sealed: string, context: string, key: Buffer = secretsKey()): string | null {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== "v1") return null;
  try {
    const [iv, tag, data] = parts.slice(1).map((p) => Buffer.from(p, "base64url"));
    if (iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
