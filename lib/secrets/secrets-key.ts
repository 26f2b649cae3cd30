import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: { source: string; key: Buffer } | undefined;

/** DATA_DIR/secrets-key, created once (exclusive create: a web server and a worker starting together agree). */
function keyFile(): string {
  const dir = path.resolve(env().DATA_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "secrets-key");
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The 256-bit key that encrypts stored secrets: from SECRETS_KEY, else generated into DATA_DIR/secrets-key. Its own
 * key (never the session or render secret), derived with a label so the raw value is used for nothing else.
 */
export function secretsKey(): Buffer {
  const source = env().SECRETS_KEY ?? keyFile();
  if (cached?.source !== source) {
    cached = { source, key: createHash("sha256").update("plinth-secrets-v1\u0000").update(source).digest() };
  }
  return cached.key;
}
