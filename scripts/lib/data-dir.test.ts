import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { decode, encode } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { ensureAuthSecret, ensureRenderSecret, workerEnvironment } from "./data-dir";

const dirs: string[] = [];
const tempDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-secrets-"));
  dirs.push(dir);
  return dir;
};
const saved = { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, RENDER_TOKEN_SECRET: process.env.RENDER_TOKEN_SECRET };
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("generated secrets in DATA_DIR", () => {
  it("keeps a render-token key apart from the session secret, each generated once and private to the owner", () => {
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.RENDER_TOKEN_SECRET;
    const dir = tempDataDir();
    const session = ensureAuthSecret(dir);
    const render = ensureRenderSecret(dir);
    expect(render).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(render).not.toBe(session);
    expect(ensureRenderSecret(dir)).toBe(render);
    expect(ensureAuthSecret(dir)).toBe(session);
    expect(fs.statSync(path.join(dir, "render-secret")).mode & 0o077).toBe(0);
    process.env.RENDER_TOKEN_SECRET = "render-secret-from-the-environment";
    expect(ensureRenderSecret(dir)).toBe("render-secret-from-the-environment");
  });

  it("a session JWT signed with the render key is refused by the session check", async () => {
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.RENDER_TOKEN_SECRET;
    const dir = tempDataDir();
    const session = ensureAuthSecret(dir);
    const render = ensureRenderSecret(dir);
    const claims = { uid: "usr_victim", email: "victim@example.com" };
    // What a compromised renderer holding the render key could forge:
    const forged = await encode({ token: claims, secret: render });
    await expect(decode({ token: forged, secret: session })).rejects.toThrow();
    // The real key still works (the check above is about the key, not a broken token).
    expect(await decode({ token: await encode({ token: claims, secret: session }), secret: session })).toMatchObject(
      claims,
    );
  });

  it("gives render workers everything but the session secret", () => {
    const given = { NEXTAUTH_SECRET: "s", AUTH_SECRET: "a", RENDER_TOKEN_SECRET: "r", DATABASE_URL: "postgres://x" };
    const env = workerEnvironment(given as unknown as NodeJS.ProcessEnv);
    expect(env).toEqual({ RENDER_TOKEN_SECRET: "r", DATABASE_URL: "postgres://x" });
  });
});
