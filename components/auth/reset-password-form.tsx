"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { resetPasswordAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("token", token);
    setPending(true);
    const result = await resetPasswordAction(form);
    if (!result.ok) {
      setPending(false);
      setFieldErrors(result.fieldErrors ?? {});
      setError(result.fieldErrors ? null : result.error);
      return;
    }
    router.replace("/sign-in?notice=password-reset");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-labelledby="reset-title">
      <h1 id="reset-title" className="text-xl font-semibold">
        Choose a new password
      </h1>
      {error && <Alert tone="error">{error}</Alert>}
      <Field label="New password" name="password" type="password" autoComplete="new-password" error={fieldErrors.password} hint="At least 8 characters." autoFocus />
      <Field label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" error={fieldErrors.confirm} />
      <Button type="submit" pending={pending} className="w-full">
        Save new password
      </Button>
    </form>
  );
}
