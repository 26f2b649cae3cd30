import fs from "node:fs";
import path from "node:path";
import type { Permission } from "@/lib/auth/permissions";

/**
 * Every server action ("use server" export), for the security matrix
 * (security-actions.test.ts) and the fuzzer (fuzz-actions.test.ts): read from the
 * source tree, so a new action fails those tests until it is listed here.
 * No imports of the app: each test file sets up its own mocks before loading actions.
 */

export const ROOT = path.resolve(__dirname, "..", "..");
export const SAMPLE = "sample_drink-can";
export type Result = { ok: boolean; code?: string };
export type Fn = (...args: unknown[]) => Promise<Result>;

/** "module#export" for every export of every "use server" file under app/, lib/, components/. */
export function enumerateActions(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules" && !e.name.startsWith(".")) walk(full);
      } else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
        const source = fs.readFileSync(full, "utf8");
        if (!/^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/.test(source)) continue;
        const rel = path.relative(ROOT, full).split(path.sep).join("/");
        for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Za-z0-9_$]+)/g))
          out.push(`${rel}#${m[1]}`);
      }
    }
  };
  for (const d of ["app", "lib", "components"]) walk(path.join(ROOT, d));
  return out.sort();
}

export async function load(key: string): Promise<Fn> {
  const [file, name] = key.split("#");
  const mod = await import(/* @vite-ignore */ path.join(ROOT, file));
  return mod[name] as Fn;
}

/** Actions with no session; each with the reason. */
export const PUBLIC_ACTIONS: Record<string, string> = {
  "app/(auth)/actions.ts#signUpAction": "creates a new account and its own workspace",
  "app/(auth)/actions.ts#requestResetAction": "password reset request (tests/integration/password-reset.test.ts)",
  "app/(auth)/actions.ts#resetPasswordAction":
    "password reset with an emailed token (tests/integration/password-reset.test.ts)",
  "app/(auth)/invite/actions.ts#acceptInvitationAsNewUserAction":
    "creates an account from an emailed invitation token (tests/integration/team.test.ts)",
};

export type Ids = { sceneId: string; workspaceId: string };
/**
 * Every signed-in action: its call aimed at workspace B's data, and the permission it needs (lib/auth/permissions.ts),
 * or null for a userAction (any signed-in user: it acts on their own account, or checks the workspace it is handed).
 */
export const ACTIONS: Record<string, { call: (fn: Fn, b: Ids) => Promise<Result>; permission: Permission | null }> = {
  "app/(app)/actions.ts#switchWorkspaceAction": { permission: null, call: (fn, b) => fn(b.workspaceId) },
  "app/(app)/actions.ts#createWorkspaceAction": { permission: null, call: (fn) => fn({ name: "Another one" }) },
  "app/(app)/actions.ts#renameWorkspaceAction": { permission: "workspace.manage", call: (fn) => fn({ name: "pwned" }) },
  "app/(app)/settings/api/actions.ts#createApiKeyAction": {
    permission: "workspace.manage",
    call: (fn) => fn({ name: "pwned", scopes: ["read", "render", "manage"], mode: "live" }),
  },
  "app/(app)/settings/api/actions.ts#revokeApiKeyAction": {
    permission: "workspace.manage",
    call: (fn) => fn({ id: "key_doesnotexist" }),
  },
  "app/(app)/scenes/actions.ts#renameSceneAction": {
    permission: "scenes.write",
    call: (fn, b) => fn({ id: b.sceneId, name: "pwned" }),
  },
  "app/(app)/scenes/actions.ts#duplicateSceneAction": {
    permission: "scenes.write",
    call: (fn, b) => fn({ id: b.sceneId }),
  },
  "app/(app)/scenes/actions.ts#deleteSceneAction": {
    permission: "scenes.write",
    call: (fn, b) => fn({ id: b.sceneId }),
  },
  "app/(app)/settings/team/actions.ts#inviteMemberAction": {
    permission: "workspace.manage",
    call: (fn) => fn({ email: "pwned@example.com", role: "owner" }),
  },
  "app/(app)/settings/team/actions.ts#resendInvitationAction": {
    permission: "workspace.manage",
    call: (fn) => fn({ id: "inv_unknown" }),
  },
  "app/(app)/settings/team/actions.ts#cancelInvitationAction": {
    permission: "workspace.manage",
    call: (fn) => fn({ id: "inv_unknown" }),
  },
  "app/(app)/settings/team/actions.ts#changeMemberRoleAction": {
    permission: "workspace.manage",
    call: (fn) => fn({ userId: "usr_unknown", role: "viewer" }),
  },
  "app/(app)/settings/team/actions.ts#removeMemberAction": {
    permission: "workspace.manage",
    call: (fn) => fn({ userId: "usr_unknown" }),
  },
  "app/(app)/settings/team/actions.ts#leaveWorkspaceAction": { permission: "workspace.view", call: (fn) => fn({}) },
  "app/(app)/settings/data/actions.ts#requestExportAction": { permission: "workspace.manage", call: (fn) => fn({}) },
  "app/(app)/settings/data/actions.ts#deleteWorkspaceAction": {
    permission: "workspace.manage",
    call: (fn) => fn({ confirm: "pwned" }),
  },
  "app/(app)/settings/data/actions.ts#deleteAccountAction": {
    permission: null,
    call: (fn) => fn({ password: "not the password" }),
  },
  "app/(auth)/invite/actions.ts#acceptInvitationAction": {
    permission: null,
    call: (fn) => fn({ token: "not-a-real-invitation-token-0000" }),
  },
};

/**
 * What each exported action declares in its source: `workspaceAction({ permission: "x" ...` , `userAction(`, or
 * `publicAction(`. Read from the file, so the catalog above cannot drift from the code it describes.
 */
export function declaredWrapper(key: string): string | null {
  const [file, name] = key.split("#");
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  const at = source.search(new RegExp(`export\\s+const\\s+${name}\\s*=`));
  if (at < 0) return null;
  const m = /=\s*(workspaceAction|userAction|publicAction)\(\s*(?:\{\s*permission:\s*"([a-z_.]+)")?/.exec(
    source.slice(at),
  );
  if (!m) return null;
  return m[1] === "workspaceAction" ? `permission ${m[2]}` : m[1];
}

/** Actions whose call names one of B's ids (so they must refuse even from A's own workspace). */
export const TAKES_B_ID = new Set([
  "app/(app)/actions.ts#switchWorkspaceAction",
  "app/(app)/scenes/actions.ts#renameSceneAction",
  "app/(app)/scenes/actions.ts#duplicateSceneAction",
  "app/(app)/scenes/actions.ts#deleteSceneAction",
]);
/** Actions that are not about one workspace's data (they act on the caller's own account). */
export const ACCOUNT_SCOPED = new Set([
  "app/(app)/actions.ts#createWorkspaceAction",
  "app/(app)/settings/data/actions.ts#deleteAccountAction",
  "app/(auth)/invite/actions.ts#acceptInvitationAction",
]);
