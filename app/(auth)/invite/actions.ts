"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { publicAction, userAction } from "@/lib/auth/handlers";
import { newPasswordSchema, personNameSchema } from "@/lib/auth/validation";
import { setActiveWorkspaceCookie } from "@/lib/auth/workspace-cookie";
import { getDb } from "@/lib/db";
import { acceptInvitation, acceptInvitationAsNewUser } from "@/lib/team/accept-invitation";
import { limitInvitationTries } from "@/lib/team/invitation-rate-limit";

const token = z.string().min(20).max(100);

/** Every accept counts against the address's and the link's hourly limits (429 beyond), like a look at the page. */
async function limit(value: string): Promise<void> {
  await limitInvitationTries(getDb(), value, clientIpFromHeaders(await headers()));
}

/** The signed-in user joins the invited workspace (their email must be the invited one); it becomes active. */
export const acceptInvitationAction = userAction(z.object({ token }), async ({ token }, user) => {
  await limit(token);
  const { workspaceId } = await acceptInvitation(getDb(), token, { id: user.id, email: user.email });
  await setActiveWorkspaceCookie(workspaceId);
  return null;
});

/** Someone without an account: the account (with the invited email) and the membership, made together. */
export const acceptInvitationAsNewUserAction = publicAction(
  z.object({ token, name: personNameSchema, password: newPasswordSchema }),
  async (input) => {
    await limit(input.token);
    const { email, workspaceId } = await acceptInvitationAsNewUser(getDb(), input.token, input);
    await setActiveWorkspaceCookie(workspaceId);
    return { email };
  },
);
