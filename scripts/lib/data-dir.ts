import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "../../lib/env";

export function resolveDataDir(): string {
  const dir = path.resolve(env().DATA_DIR);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A random secret generated once into DATA_DIR/<name> (exclusive create: two processes starting together agree). */
function ensureSecretFile(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** Generates the session-signing secret once and keeps it, so sessions survive restarts. */
export function ensureAuthSecret(dataDir: string): string {
  const { NEXTAUTH_SECRET } = env();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  return ensureSecretFile(dataDir, "auth-secret");
}

/**
 * The render-token signing key (DATA_DIR/render-secret unless RENDER_TOKEN_SECRET is set): its own key, so the
 * render worker, whose Chromium runs uploaded models, never holds the session secret.
 */
export function ensureRenderSecret(dataDir: string): string {
  const { RENDER_TOKEN_SECRET } = env();
  if (RENDER_TOKEN_SECRET) return RENDER_TOKEN_SECRET;
  return ensureSecretFile(dataDir, "render-secret");
}

/** Loads .env (if any) into process.env without overriding what the shell set. */
export function loadDotEnv(file = ".env"): void {
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/);
    if (!m || process.env[m[1]] !== undefined) continue;
    process.env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, "$2");
  }
}

/** The environment for a render worker: everything but the session secret (its Chromium runs uploaded models). */
export function workerEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.NEXTAUTH_SECRET;
  delete copy.AUTH_SECRET;
  return copy;
}
