"use client";

import { signOut } from "next-auth/react";
import type { FormEvent } from "react";
import { deleteAccountAction } from "@/app/(app)/settings/data/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fromAction, useSubmit } from "@/lib/client/use-submit";

/** Delete the account (password to confirm): the workspaces only this account belongs to go with it. */
export function DeleteAccount() {
  const { pending, error, run, fieldError } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run(async () => fromAction(await deleteAccountAction(form)), { keepPending: true });
    if (result.ok) await signOut({ callbackUrl: "/" });
  }

  return (
    <section
      aria-labelledby="delete-account-title"
      className="rounded-2xl border border-red-200 bg-white p-6 shadow-card"
    >
      <h2 id="delete-account-title" className="text-base font-semibold text-danger">
        Delete your account
      </h2>
      <p className="mt-1 text-sm text-ink-soft">
        Deletes your account and every workspace only you belong to, with all their data and files. Workspaces shared
        with others stay with them (if you are their only owner, make someone else an owner first).
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-wrap items-start gap-3">
        <Field
          label="Your password"
          name="password"
          type="password"
          autoComplete="current-password"
          className="min-w-64 flex-1"
          error={fieldError("password")}
        />
        <Button type="submit" variant="danger" pending={pending} className="mt-6">
          Delete my account
        </Button>
      </form>
      {error && !error.fields?.password && (
        <div className="mt-3">
          <Alert tone="error">{error.message}</Alert>
        </div>
      )}
    </section>
  );
}
