"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/handlers";
import { emailSchema } from "@/lib/auth/validation";
import { setActiveWorkspaceCookie } from "@/lib/auth/workspace-cookie";
import { getDb } from "@/lib/db";
import { listWorkspacesForUser } from "@/lib/db/queries/workspaces";
import { cancelInvitation, inviteMember, resendInvitation } from "@/lib/team/invitation-service";
import { changeMemberRole, leaveWorkspace, removeMember } from "@/lib/team/member-service";

const role = z.enum(["owner", "editor", "viewer"], { message: "Choose a role." });
const id = z.string().min(1).max(64);

export const inviteMemberAction = workspaceAction(
  { permission: "workspace.manage", schema: z.object({ email: emailSchema, role }) },
  async (input, ctx) => {
    const result = await inviteMember(getDb(), ctx, input);
    revalidatePath("/settings");
    return result;
  },
);

export const resendInvitationAction = workspaceAction(
  { permission: "workspace.manage", schema: z.object({ id }) },
  async ({ id }, ctx) => {
    const result = await resendInvitation(getDb(), ctx, id);
    revalidatePath("/settings");
    return result;
  },
);

export const cancelInvitationAction = workspaceAction(
  { permission: "workspace.manage", schema: z.object({ id }) },
  async ({ id }, ctx) => {
    await cancelInvitation(getDb(), ctx, id);
    revalidatePath("/settings");
    return null;
  },
);

export const changeMemberRoleAction = workspaceAction(
  { permission: "workspace.manage", schema: z.object({ userId: id, role }) },
  async ({ userId, role }, ctx) => {
    await changeMemberRole(getDb(), ctx, userId, role);
    revalidatePath("/", "layout");
    return null;
  },
);

export const removeMemberAction = workspaceAction(
  { permission: "workspace.manage", schema: z.object({ userId: id }) },
  async ({ userId }, ctx) => {
    await removeMember(getDb(), ctx, userId);
    revalidatePath("/settings");
    return null;
  },
);

/** Leaves the active workspace; the next one the user belongs to becomes active. */
export const leaveWorkspaceAction = workspaceAction(
  { permission: "workspace.view", schema: z.object({}) },
  async (_input, ctx) => {
    await leaveWorkspace(getDb(), ctx);
    const [next] = await listWorkspacesForUser(getDb(), ctx.userId);
    if (next) await setActiveWorkspaceCookie(next.id);
    revalidatePath("/", "layout");
    return { hasWorkspace: Boolean(next) };
  },
);
