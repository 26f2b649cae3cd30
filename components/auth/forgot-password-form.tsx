"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { requestResetAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fromAction, useSubmit } from "@/lib/client/use-submit";

/** `unavailable`: why this server cannot mail a link (no SMTP in production); then there is no form. */
export function ForgotPasswordForm({ unavailable }: { unavailable?: string }) {
  const [sent, setSent] = useState(false);
  const { pending, error, run } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run(async () => fromAction(await requestResetAction(form)));
    if (result.ok) setSent(true);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-labelledby="forgot-title">
      <div>
        <h1 id="forgot-title" className="text-xl font-semibold">
          Reset your password
        </h1>
        <p className="mt-1 text-sm text-ink-muted">We will send a link to choose a new password.</p>
      </div>
      {unavailable ? (
        <Alert tone="error">{unavailable}</Alert>
      ) : sent ? (
        <Alert tone="success">
          If an account exists for that email, a reset link is on its way. It works for one hour.
        </Alert>
      ) : (
        <>
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            error={error ? (error.fields?.email ?? error.message) : undefined}
            autoFocus
          />
          <Button type="submit" pending={pending} className="w-full">
            Send reset link
          </Button>
        </>
      )}
      <p className="text-center text-sm">
        <Link href="/sign-in" className="text-ink-soft hover:text-ink hover:underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
