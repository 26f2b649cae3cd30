"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { inviteMemberAction } from "@/app/(app)/settings/team/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fromAction, useSubmit } from "@/lib/client/use-submit";
import type { Seats } from "@/lib/team/seats";
import { RoleSelect } from "./role-select";

/** Invite by email with a role; the seat limit is said before anyone types, and again if the server refuses. */
export function InviteForm({ seats }: { seats: Seats }) {
  const router = useRouter();
  const roleId = useId();
  const { pending, error, run, fieldError } = useSubmit();
  const [sent, setSent] = useState<{ email: string; mailed: boolean } | null>(null);
  const full = seats.limit !== null && seats.used >= seats.limit;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(null);
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const result = await run(async () => fromAction(await inviteMemberAction(form)));
    if (!result.ok) return;
    setSent({ email: String(form.get("email")).trim().toLowerCase(), mailed: result.data.mailed });
    formEl.reset();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 border-t border-line pt-5" aria-label="Invite a member">
      <h3 className="text-sm font-semibold">Invite someone</h3>
      {full && (
        <div className="mt-3">
          <Alert tone="warning">
            All {seats.limit} seats of the {seats.planName} plan are taken. Upgrade the plan or remove someone to invite
            more people.
          </Alert>
        </div>
      )}
      <div className="mt-3 flex flex-wrap items-start gap-3">
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          className="min-w-56 flex-1"
          error={fieldError("email")}
        />
        <div>
          <label htmlFor={roleId} className="mb-1 block text-sm font-medium text-ink">
            Role
          </label>
          <RoleSelect id={roleId} name="role" defaultValue="editor" />
        </div>
        <Button type="submit" pending={pending} className="mt-6" disabled={full}>
          Send invitation
        </Button>
      </div>
      {error && !error.fields?.email && (
        <div className="mt-3">
          <Alert tone="error">{error.message}</Alert>
        </div>
      )}
      {sent && (
        <div className="mt-3">
          <Alert tone={sent.mailed ? "success" : "warning"}>
            {sent.mailed
              ? `Invitation sent to ${sent.email}. The link works for 7 days.`
              : `Invitation made for ${sent.email}, but this server cannot send mail (no SMTP_URL).`}
          </Alert>
        </div>
      )}
    </form>
  );
}
