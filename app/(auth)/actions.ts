"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { publicAction } from "@/lib/auth/handlers";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { signUp } from "@/lib/auth/sign-up";
import { resetPasswordSchema, resetRequestSchema, signUpSchema } from "@/lib/auth/validation";
import { getDb } from "@/lib/db";

async function clientIp(): Promise<string> {
  return clientIpFromHeaders(await headers());
}

/** Answers the same whether or not the email had an account; the form then tries to sign in (sign-up-form.tsx). */
export const signUpAction = publicAction(signUpSchema, async (input) => {
  await signUp(getDb(), input, { ip: await clientIp() });
  return null;
});

export const requestResetAction = publicAction(resetRequestSchema, async (input) => {
  await requestPasswordReset(getDb(), input, { ip: await clientIp() });
  return null;
});

export const resetPasswordAction = publicAction(
  resetPasswordSchema as unknown as z.ZodType<z.infer<typeof resetPasswordSchema>>,
  async (input) => {
    return resetPassword(getDb(), input);
  },
);
