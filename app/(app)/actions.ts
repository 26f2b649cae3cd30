"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction, workspaceAction } from "@/lib/auth/handlers";
import { setActiveWorkspaceCookie } from "@/lib/auth/workspace-cookie";
import { authorizeWorkspace } from "@/lib/auth/workspace-access";
import { workspaceNameSchema } from "@/lib/auth/validation";
import { getDb } from "@/lib/db";
import { createWorkspace, renameWorkspace } from "@/lib/db/queries/workspaces";
import { AppError } from "@/lib/errors";
import { isWellFormedId } from "@/lib/validation/safe-text";

/** Any workspace the user is a member of (a junk id, a NUL byte from a hand-made request, names none: 404, no query). */
export const switchWorkspaceAction = userAction(z.string().max(64), async (workspaceId, user) => {
  if (!isWellFormedId(workspaceId)) throw new AppError("not_found", "Workspace was not found.");
  await authorizeWorkspace(getDb(), user.id, workspaceId, "workspace.view");
  await setActiveWorkspaceCookie(workspaceId);
  revalidatePath("/", "layout");
  return null;
});

/** A new workspace of the user's own, which becomes the active one. */
export const createWorkspaceAction = userAction(z.object({ name: workspaceNameSchema }), async ({ name }, user) => {
  const ws = await createWorkspace(getDb(), user.id, name);
  await setActiveWorkspaceCookie(ws.id);
  revalidatePath("/", "layout");
  return { id: ws.id };
});

export const renameWorkspaceAction = workspaceAction(
  { permission: "workspace.manage", schema: z.object({ name: workspaceNameSchema }) },
  async ({ name }, ctx) => {
    await renameWorkspace(getDb(), ctx.workspace.id, name);
    revalidatePath("/", "layout");
    return { name };
  },
);
