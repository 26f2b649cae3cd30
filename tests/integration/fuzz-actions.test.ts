import { describe, expect, it, vi } from "vitest";

/**
 * The string fuzzer over every server action, called as the client calls them
 * (plain objects and FormData), against the real Postgres: every answer is an
 * ActionResult, never a thrown error or an "internal" one, and text Postgres
 * cannot store is refused with a field message. The session is stubbed as in
 * security-actions.test.ts; the action list comes from action-catalog.ts.
 */
vi.mock("server-only", () => ({}));
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
  workspaceId: null as string | null,
  cookies: new Map<string, string>(),
}));
vi.mock("@/lib/auth/session", () => ({
  ACTIVE_WORKSPACE_COOKIE: "plinth_ws",
  getSessionUser: async () => session.user,
  activeWorkspaceId: async () => session.workspaceId,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (n: string) => (session.cookies.has(n) ? { value: session.cookies.get(n) } : undefined),
    set: (n: string, v: string) => session.cookies.set(n, v),
  }),
  headers: async () => new Headers({ "x-plinth-client-ip": "203.0.113.9" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { NUL_MESSAGE } from "@/lib/validation/safe-text";
import { ACTIONS, enumerateActions, load, PUBLIC_ACTIONS, SAMPLE } from "./action-catalog";
import { db, seedOwner, ownerCaller } from "./helpers";

const STRINGS: Record<string, string> = {
  NUL: "a\u0000b",
  "lone high surrogate": "x\uD800",
  "lone low surrogate": "\uDC00y",
  "1 MB": "x".repeat(1_000_000),
  "RTL override": "\u202Egnp.exe",
  emoji: "😀👩‍👩‍👧‍👦",
  SQL: "'; drop table users; --",
  HTML: "<script>alert(1)</script>",
  empty: "",
};
const VALUES: Record<string, unknown> = {
  number: 12345,
  null: null,
  undefined: undefined,
  array: ["a\u0000", 1],
  "nested object": { a: { b: "\u0000" } },
  "deep nesting": Array.from({ length: 500 }).reduce<unknown>((inner) => [inner], "leaf"),
};

/** Sample arguments of the public actions (the workspace ones come from their security-matrix call). */
const PUBLIC_ARGS: Record<string, Record<string, string>> = {
  "app/(auth)/actions.ts#signUpAction": {
    name: "Fuzz",
    email: "fuzz-signup@example.com",
    password: "a-long-password",
    workspaceName: "Fuzz",
  },
  "app/(auth)/actions.ts#requestResetAction": { email: "fuzz-reset@example.com" },
  "app/(auth)/invite/actions.ts#acceptInvitationAsNewUserAction": {
    token: "not-a-real-invitation-token-0000",
    name: "Fuzz",
    password: "a-long-password",
  },
  "app/(auth)/actions.ts#resetPasswordAction": {
    token: "0123456789abcdef",
    password: "a-long-password",
    confirm: "a-long-password",
  },
};

/** The arguments an action-matrix call passes, captured with a stand-in action. */
async function recordArgs(
  call: (
    fn: (...a: unknown[]) => Promise<{ ok: boolean }>,
    ids: { sceneId: string; workspaceId: string },
  ) => Promise<unknown>,
  ids: { sceneId: string; workspaceId: string },
) {
  let args: unknown[] = [];
  await call(async (...a: unknown[]) => ((args = a), { ok: true }), ids);
  return args;
}

function asFormData(value: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(value)) form.append(k, typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
  return form;
}

describe("server actions: fuzzed arguments", () => {
  it(
    "every action answers every fuzzed argument with an ActionResult, never an internal error",
    { timeout: 120_000 },
    async () => {
      const owner = await seedOwner("fuzz-actions");
      const scene = await createSceneForProduct(db(), ownerCaller(owner), SAMPLE);
      const ids = { sceneId: scene.id, workspaceId: owner.workspaceId };
      const catalog = enumerateActions();
      expect(catalog.filter((a) => !(a in ACTIONS) && !(a in PUBLIC_ARGS))).toEqual([]);
      expect(Object.keys(PUBLIC_ARGS).sort()).toEqual(Object.keys(PUBLIC_ACTIONS).sort());
      const problems: string[] = [];
      const nulRefusals: string[] = [];
      let calls = 0;
      for (const key of catalog) {
        const fn = await load(key);
        const base = key in PUBLIC_ARGS ? [PUBLIC_ARGS[key]] : await recordArgs(ACTIONS[key].call, ids);
        const variants: [string, unknown[]][] = [];
        for (const [name, v] of Object.entries({ ...STRINGS, ...VALUES }))
          variants.push([`whole argument ${name}`, [v]]);
        variants.push(["no argument", []]);
        const [arg] = base;
        if (arg && typeof arg === "object") {
          for (const field of Object.keys(arg)) {
            for (const [name, v] of Object.entries({ ...STRINGS, ...VALUES })) {
              const changed = { ...(arg as Record<string, unknown>), [field]: v };
              variants.push([`${field} ${name}`, [changed]]);
              if (typeof v === "string") variants.push([`${field} ${name} (FormData)`, [asFormData(changed)]]);
            }
          }
        }
        for (const [what, args] of variants) {
          // Each call as the owner of a fresh-enough workspace (a rename or switch may have happened before).
          session.user = { id: owner.userId, email: owner.email, name: "Fuzz" };
          session.workspaceId = owner.workspaceId;
          session.cookies.clear();
          calls++;
          let result: unknown;
          try {
            result = await fn(...args);
          } catch (err) {
            problems.push(`${key} with ${what}: threw ${(err as Error).message.split("\n")[0]}`);
            continue;
          }
          const r = result as { ok?: unknown; code?: string; fieldErrors?: Record<string, string> };
          if (typeof r?.ok !== "boolean") problems.push(`${key} with ${what}: not an ActionResult`);
          else if (r.code === "internal") problems.push(`${key} with ${what}: internal error`);
          if (what.endsWith(" NUL") && r.ok === false && Object.values(r.fieldErrors ?? {}).includes(NUL_MESSAGE))
            nulRefusals.push(`${key} ${what}`);
        }
      }
      expect(problems).toEqual([]);
      expect(calls).toBeGreaterThan(300);
      // Text fields with a NUL get the field message (not just "some error"): names, emails, ids.
      expect(nulRefusals).toEqual(
        expect.arrayContaining([
          "app/(auth)/actions.ts#signUpAction name NUL",
          "app/(app)/scenes/actions.ts#renameSceneAction name NUL",
          "app/(app)/actions.ts#renameWorkspaceAction name NUL",
        ]),
      );
    },
  );
});
