import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { isResetTokenValid } from "@/lib/auth/password-reset";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const valid = typeof token === "string" && token.length < 200 && (await isResetTokenValid(getDb(), token));
  if (!valid) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">This link no longer works</h1>
        <Alert tone="error">The reset link has expired or was already used.</Alert>
        <Link href="/forgot-password" className="text-sm font-medium text-accent hover:underline">
          Ask for a new link
        </Link>
      </div>
    );
  }
  return <ResetPasswordForm token={token} />;
}
