import type { Database } from "@/lib/db";
import type { Workspace } from "@/lib/db/schema";
import { getMembership } from "@/lib/db/queries/workspaces";
import { notFound } from "@/lib/errors";
import { assertCan, memberCaller, type MemberCaller } from "./caller";
import type { Permission } from "./permissions";

/** A signed-in member in one workspace: the caller, with the workspace row for handlers that show its name. */
export type WorkspaceMember = MemberCaller & { workspace: Workspace };
/** The name handlers used before callers had kinds. */
export type WorkspaceContext = WorkspaceMember;

/**
 * The core of every authorised request: the user must be a member of the
 * workspace (else 404, the same as an id that does not exist, so nothing
 * leaks) and their role must hold the permission (else 403).
 */
export async function authorizeWorkspace(
  db: Database,
  userId: string,
  workspaceId: string,
  permission: Permission,
): Promise<WorkspaceMember> {
  const membership = await getMembership(db, userId, workspaceId);
  if (!membership) throw notFound("Workspace");
  const caller = memberCaller(userId, membership.workspace.id, membership.role);
  assertCan(caller, permission);
  return { ...caller, workspace: membership.workspace };
}
