"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction, workspaceAction } from "@/lib/auth/handlers";
import { verifyPassword } from "@/lib/auth/passwords";
import { setActiveWorkspaceCookie } from "@/lib/auth/workspace-cookie";
import { getDb } from "@/lib/db";
import { getUserById } from "@/lib/db/queries/users";
import { listWorkspacesForUser } from "@/lib/db/queries/workspaces";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage";
import { deleteAccount } from "@/lib/workspace-data/delete-account";
import { deleteWorkspace, requestWorkspaceExport } from "@/lib/workspace-data/workspace-data-service";

export const requestExportAction = workspaceAction(
  { permission: "workspace.manage", schema: z.object({}) },
  async (_input, ctx) => requestWorkspaceExport(ctx),
);

/** Deletes the active workspace (typed confirmation: its name); another of the user's workspaces becomes active. */
export const deleteWorkspaceAction = workspaceAction(
  { permission: "workspace.manage", schema: z.object({ confirm: z.string().max(200) }) },
  async ({ confirm }, ctx) => {
    await deleteWorkspace(getDb(), getStorage(), ctx, confirm);
    const [next] = await listWorkspacesForUser(getDb(), ctx.userId);
    if (next) await setActiveWorkspaceCookie(next.id);
    revalidatePath("/", "layout");
    return null;
  },
);

/** Deletes the signed-in account after its password, with the workspaces only it belongs to. */
export const deleteAccountAction = userAction(
  z.object({ password: z.string().min(1, "Enter your password.").max(200) }),
  async ({ password }, user) => {
    const row = await getUserById(getDb(), user.id);
    if (!row || !(await verifyPassword(password, row.passwordHash))) {
      throw new AppError("forbidden", "That password is not right.", { password: "That password is not right." });
    }
    return deleteAccount(getDb(), getStorage(), user.id);
  },
);
