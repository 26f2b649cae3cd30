"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { resetPasswordAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fromAction, useSubmit } from "@/lib/client/use-submit";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const { pending, error, run, fieldError } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("token", token);
    const result = await run(async () => fromAction(await resetPasswordAction(form)), { keepPending: true });
    if (result.ok) router.replace("/sign-in?notice=password-reset");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-labelledby="reset-title">
      <h1 id="reset-title" className="text-xl font-semibold">
        Choose a new password
      </h1>
      {error && !error.fields && <Alert tone="error">{error.message}</Alert>}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={fieldError("password")}
        hint="At least 8 characters."
        autoFocus
      />
      <Field
        label="Repeat the new password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        error={fieldError("confirm")}
      />
      <Button type="submit" pending={pending} className="w-full">
        Save new password
      </Button>
    </form>
  );
}
