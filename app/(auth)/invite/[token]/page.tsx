import type { Metadata } from "next";
import { headers } from "next/headers";
import { AcceptInvitation } from "@/components/settings/team/accept-invitation";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { describeInvitation, type InvitationView } from "@/lib/team/invitation-service";
import { limitInvitationTries } from "@/lib/team/invitation-rate-limit";

export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/** Whether the token is valid, unless this address or this link has tried too often (then it learns nothing). */
async function lookUp(token: string): Promise<InvitationView> {
  try {
    await limitInvitationTries(getDb(), token, clientIpFromHeaders(await headers()));
  } catch (err) {
    if (err instanceof AppError && err.code === "rate_limited") return { state: "limited", message: err.message };
    throw err;
  }
  return describeInvitation(getDb(), token);
}

/**
 * Public: the link itself is the invitee's proof. Signed in or not, the page says what accepting will do. Each look
 * counts against the address's and the link's hourly limits, so tokens cannot be tried by the thousand.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token.slice(0, 100);
  const [invitation, user] = await Promise.all([lookUp(token), getSessionUser()]);
  return <AcceptInvitation token={token} invitation={invitation} signedInAs={user ? user.email : null} />;
}
