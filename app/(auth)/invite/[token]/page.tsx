import type { Metadata } from "next";
import { AcceptInvitation } from "@/components/settings/team/accept-invitation";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { describeInvitation } from "@/lib/team/invitation-service";

export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/** Public: the link itself is the invitee's proof. Signed in or not, the page says what accepting will do. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([describeInvitation(getDb(), token.slice(0, 100)), getSessionUser()]);
  return <AcceptInvitation token={token} invitation={invitation} signedInAs={user ? user.email : null} />;
}
