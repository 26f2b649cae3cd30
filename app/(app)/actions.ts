"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionError, workspaceAction } from "@/lib/auth/handlers";
import { getSessionUser } from "@/lib/auth/session";
import { setActiveWorkspaceCookie } from "@/lib/auth/workspace-cookie";
import { authorizeWorkspace } from "@/lib/auth/workspace-access";
import { workspaceNameSchema } from "@/lib/auth/validation";
import type { ActionResult } from "@/lib/action-result";
import { getDb } from "@/lib/db";
import { createWorkspace, renameWorkspace } from "@/lib/db/queries/workspaces";
import { AppError } from "@/lib/errors";
import { isWellFormedId } from "@/lib/validation/safe-text";

export async function switchWorkspaceAction(workspaceId: string): Promise<ActionResult<null>> {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
    // A junk id (a NUL byte from a hand-made request) names no workspace: not found, and no query runs.
    if (!isWellFormedId(z.string().max(64).parse(workspaceId))) throw new AppError("not_found", "Workspace was not found.");
    await authorizeWorkspace(getDb(), user.id, workspaceId, "viewer");
    await setActiveWorkspaceCookie(workspaceId);
    revalidatePath("/", "layout");
    return { ok: true, data: null };
  } catch (err) {
    return toActionError(err);
  }
}

export async function createWorkspaceAction(raw: FormData | { name: string }): Promise<ActionResult<{ id: string }>> {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
    const { name } = z.object({ name: workspaceNameSchema }).parse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
    const ws = await createWorkspace(getDb(), user.id, name);
    await setActiveWorkspaceCookie(ws.id);
    revalidatePath("/", "layout");
    return { ok: true, data: { id: ws.id } };
  } catch (err) {
    return toActionError(err);
  }
}

export const renameWorkspaceAction = workspaceAction(
  { role: "owner", schema: z.object({ name: workspaceNameSchema }) },
  async ({ name }, ctx) => {
    await renameWorkspace(getDb(), ctx.workspace.id, name);
    revalidatePath("/", "layout");
    return { name };
  },
);
