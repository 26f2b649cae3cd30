import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { passwordResetAvailable, RESET_UNAVAILABLE_MESSAGE } from "@/lib/auth/password-reset";

export const metadata: Metadata = { title: "Reset your password" };
// Whether mail can go out is decided by the running server's configuration, not at build time.
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return <ForgotPasswordForm unavailable={passwordResetAvailable() ? undefined : RESET_UNAVAILABLE_MESSAGE} />;
}
