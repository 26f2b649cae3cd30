"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { safeCallbackPath } from "@/lib/safe-redirect";

const NOTICES: Record<string, string> = {
  "password-reset": "Your password was changed. Sign in with the new one.",
  "signed-out": "You are signed out.",
};

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const notice = NOTICES[params.get("notice") ?? ""];
  const callbackPath = safeCallbackPath(params.get("callbackUrl"));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const errors: Record<string, string> = {};
    if (!email) errors.email = "Enter your email address.";
    if (!password) errors.password = "Enter your password.";
    setFieldErrors(errors);
    setError(null);
    if (Object.keys(errors).length) return;
    setPending(true);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setError(!result || result.error === "CredentialsSignin" ? "Email or password is incorrect." : result.error);
      return;
    }
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-labelledby="sign-in-title">
      <div>
        <h1 id="sign-in-title" className="text-xl font-semibold">
          Sign in to Plinth
        </h1>
        <p className="mt-1 text-sm text-ink-muted">
          New here?{" "}
          <Link href="/sign-up" className="font-medium text-accent hover:underline">
            Start free
          </Link>
        </p>
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <Field label="Email" name="email" type="email" autoComplete="email" error={fieldErrors.email} autoFocus />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={fieldErrors.password}
      />
      <div className="flex items-center justify-between">
        <Link href="/forgot-password" className="text-sm text-ink-soft hover:text-ink hover:underline">
          Forgot your password?
        </Link>
        <Button type="submit" pending={pending}>
          Sign in
        </Button>
      </div>
    </form>
  );
}
