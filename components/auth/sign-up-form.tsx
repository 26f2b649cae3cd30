"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const CHECK_EMAIL = "Check your email to continue. If you already have an account, sign in or reset your password.";

export function SignUpForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setNotice(null);
    const result = await signUpAction(form);
    if (!result.ok) {
      setPending(false);
      setFieldErrors(result.fieldErrors ?? {});
      setError(result.fieldErrors && Object.keys(result.fieldErrors).length ? null : result.error);
      return;
    }
    setFieldErrors({});
    const signedIn = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    if (!signedIn || signedIn.error) {
      // The email already had an account (sign-up answers the same either way, so strangers cannot probe who has
      // one): its owner got a mail about this attempt.
      setPending(false);
      setNotice(CHECK_EMAIL);
      return;
    }
    router.replace("/onboarding");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-labelledby="sign-up-title">
      <div>
        <h1 id="sign-up-title" className="text-xl font-semibold">
          Start free
        </h1>
        <p className="mt-1 text-sm text-ink-muted">
          30 renders on us. Already have an account?{" "}
          <Link href="/sign-in" className="font-medium text-accent hover:underline">
            Sign in
          </Link>
        </p>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {notice && <Alert tone="info">{notice}</Alert>}
      <Field label="Your name" name="name" autoComplete="name" error={fieldErrors.name} maxLength={100} />
      <Field label="Work email" name="email" type="email" autoComplete="email" error={fieldErrors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={fieldErrors.password}
        hint="At least 8 characters."
      />
      <Field
        label="Brand or workspace name"
        name="workspaceName"
        autoComplete="organization"
        error={fieldErrors.workspaceName}
        hint="You can rename it and add more workspaces later."
        maxLength={80}
      />
      <Button type="submit" pending={pending} className="w-full">
        Create my workspace
      </Button>
    </form>
  );
}
