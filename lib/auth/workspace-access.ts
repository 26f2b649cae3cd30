import type { Database } from "@/lib/db";
import type { MemberRole, Workspace } from "@/lib/db/schema";
import { getMembership } from "@/lib/db/queries/workspaces";
import { notFound } from "@/lib/errors";
import { assertRole } from "./roles";

export type WorkspaceContext = { userId: string; workspace: Workspace; role: MemberRole };

/**
 * The core of every authorised request: the user must be a member of the
 * workspace (else 404, the same as an id that does not exist, so nothing
 * leaks) and hold at least the required role (else 403).
 */
export async function authorizeWorkspace(
  db: Database,
  userId: string,
  workspaceId: string,
  required: MemberRole,
): Promise<WorkspaceContext> {
  const membership = await getMembership(db, userId, workspaceId);
  if (!membership) throw notFound("Workspace");
  assertRole(membership.role, required);
  return { userId, workspace: membership.workspace, role: membership.role };
}
