"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn, signOut } from "next-auth/react";
import type { FormEvent } from "react";
import { acceptInvitationAction, acceptInvitationAsNewUserAction } from "@/app/(auth)/invite/actions";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { fromAction, useSubmit } from "@/lib/client/use-submit";
import type { InvitationView } from "@/lib/team/invitation-service";

const DEAD: Record<Exclude<InvitationView["state"], "valid" | "limited">, string> = {
  expired: "This invitation has expired. Ask the workspace owner to send it again.",
  used: "This invitation was already accepted. Sign in to open the workspace.",
  unknown:
    "This invitation link is not valid (it may have been cancelled or sent again). Ask the workspace owner for a new one.",
};

export function AcceptInvitation({
  token,
  invitation,
  signedInAs,
}: {
  token: string;
  invitation: InvitationView;
  signedInAs: string | null;
}) {
  const router = useRouter();
  const { pending, error, run, fieldError } = useSubmit();

  if (invitation.state !== "valid") {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Invitation</h1>
        <Alert tone="error">{invitation.state === "limited" ? invitation.message : DEAD[invitation.state]}</Alert>
        <Link href="/sign-in" className={buttonClass("secondary", "w-full")}>
          Go to sign in
        </Link>
      </div>
    );
  }
  const role = ROLE_LABEL[invitation.role].toLowerCase();
  const invitedEmail = invitation.email;
  const heading = (
    <div>
      <h1 id="invite-title" className="text-xl font-semibold">
        Join {invitation.workspaceName}
      </h1>
      <p className="mt-1 text-sm text-ink-muted">
        You are invited as {role === "owner" ? "an" : "a"} {role}, as <strong>{invitation.email}</strong>.
      </p>
    </div>
  );

  async function join() {
    const result = await run(async () => fromAction(await acceptInvitationAction({ token })), { keepPending: true });
    if (result.ok) {
      router.replace("/products");
      router.refresh();
    }
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    const result = await run(
      async () =>
        fromAction(await acceptInvitationAsNewUserAction({ token, name: String(form.get("name")), password })),
      { keepPending: true },
    );
    if (!result.ok) return;
    await signIn("credentials", { email: invitedEmail, password, redirect: false });
    router.replace("/products");
    router.refresh();
  }

  if (signedInAs && signedInAs.toLowerCase() === invitation.email) {
    return (
      <div className="space-y-5" aria-labelledby="invite-title">
        {heading}
        {error && <Alert tone="error">{error.message}</Alert>}
        <Button onClick={join} pending={pending} className="w-full">
          Join workspace
        </Button>
      </div>
    );
  }
  if (signedInAs) {
    return (
      <div className="space-y-5" aria-labelledby="invite-title">
        {heading}
        <Alert tone="warning">
          You are signed in as {signedInAs}. This invitation is for {invitation.email}: sign out, then sign in (or
          create the account) with that email.
        </Alert>
        <Button variant="secondary" className="w-full" onClick={() => signOut({ callbackUrl: `/invite/${token}` })}>
          Sign out
        </Button>
      </div>
    );
  }
  if (invitation.accountExists) {
    return (
      <div className="space-y-5" aria-labelledby="invite-title">
        {heading}
        <p className="text-sm text-ink-soft">{invitation.email} has a Plinth account: sign in to accept.</p>
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
          className={buttonClass("primary", "w-full")}
        >
          Sign in to accept
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={create} noValidate className="space-y-5" aria-labelledby="invite-title">
      {heading}
      {error && !error.fields && <Alert tone="error">{error.message}</Alert>}
      <Field label="Email" name="email" value={invitation.email} readOnly disabled />
      <Field label="Your name" name="name" autoComplete="name" error={fieldError("name")} maxLength={100} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={fieldError("password")}
        hint="At least 8 characters."
      />
      <Button type="submit" pending={pending} className="w-full">
        Create account and join
      </Button>
    </form>
  );
}
