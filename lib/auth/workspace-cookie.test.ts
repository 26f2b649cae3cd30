import { afterEach, describe, expect, it, vi } from "vitest";

type SetCookie = { name: string; value: string; options: Record<string, unknown> };
const jar = vi.hoisted(() => ({ request: new Headers(), set: [] as SetCookie[] }));
vi.mock("server-only", () => ({}));
vi.mock("./session", () => ({ ACTIVE_WORKSPACE_COOKIE: "plinth_ws" }));
vi.mock("next/headers", () => ({
  headers: async () => jar.request,
  cookies: async () => ({
    set: (name: string, value: string, options: Record<string, unknown>) => jar.set.push({ name, value, options }),
  }),
}));

import { setActiveWorkspaceCookie } from "./workspace-cookie";

const NAMES = ["TRUST_PROXY", "APP_URL", "NEXTAUTH_URL"] as const;
const saved = Object.fromEntries(NAMES.map((k) => [k, process.env[k]]));

function setEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

async function cookieFor(env: Record<string, string | undefined>, headers: Record<string, string>) {
  setEnv({ ...Object.fromEntries(NAMES.map((k) => [k, undefined])), ...env });
  jar.request = new Headers(headers);
  jar.set = [];
  await setActiveWorkspaceCookie("ws_1");
  expect(jar.set).toHaveLength(1);
  return jar.set[0];
}

afterEach(() => setEnv(saved));

describe("the workspace cookie", () => {
  it("is Secure when a trusted proxy says the client came over https", async () => {
    const behindProxy = { TRUST_PROXY: "1", APP_URL: "http://localhost:3000" };
    const cookie = await cookieFor(behindProxy, { "x-forwarded-proto": "https" });
    expect(cookie).toMatchObject({ name: "plinth_ws", value: "ws_1" });
    expect(cookie.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });

  it("is Secure when the app's public address is https", async () => {
    expect((await cookieFor({ APP_URL: "https://plinth.example" }, {})).options.secure).toBe(true);
  });

  it("is not Secure over plain http, nor for a client's X-Forwarded-Proto without TRUST_PROXY", async () => {
    const local = { APP_URL: "http://localhost:3000" };
    expect((await cookieFor(local, {})).options.secure).toBe(false);
    expect((await cookieFor(local, { "x-forwarded-proto": "https" })).options.secure).toBe(false);
  });
});
