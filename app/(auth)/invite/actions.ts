"use server";

import { z } from "zod";
import { publicAction, userAction } from "@/lib/auth/handlers";
import { newPasswordSchema, personNameSchema } from "@/lib/auth/validation";
import { setActiveWorkspaceCookie } from "@/lib/auth/workspace-cookie";
import { getDb } from "@/lib/db";
import { acceptInvitation, acceptInvitationAsNewUser } from "@/lib/team/accept-invitation";

const token = z.string().min(20).max(100);

/** The signed-in user joins the invited workspace (their email must be the invited one); it becomes active. */
export const acceptInvitationAction = userAction(z.object({ token }), async ({ token }, user) => {
  const { workspaceId } = await acceptInvitation(getDb(), token, { id: user.id, email: user.email });
  await setActiveWorkspaceCookie(workspaceId);
  return null;
});

/** Someone without an account: the account (with the invited email) and the membership, made together. */
export const acceptInvitationAsNewUserAction = publicAction(
  z.object({ token, name: personNameSchema, password: newPasswordSchema }),
  async (input) => {
    const { email, workspaceId } = await acceptInvitationAsNewUser(getDb(), input.token, input);
    await setActiveWorkspaceCookie(workspaceId);
    return { email };
  },
);
