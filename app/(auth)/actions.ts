"use server";

import { z } from "zod";
import { publicAction } from "@/lib/auth/handlers";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { signUp } from "@/lib/auth/sign-up";
import { resetPasswordSchema, resetRequestSchema, signUpSchema } from "@/lib/auth/validation";
import { getDb } from "@/lib/db";

export const signUpAction = publicAction(signUpSchema, async (input) => {
  const { workspaceId } = await signUp(getDb(), input);
  return { workspaceId };
});

export const requestResetAction = publicAction(resetRequestSchema, async (input) => {
  await requestPasswordReset(getDb(), input);
  return null;
});

export const resetPasswordAction = publicAction(resetPasswordSchema as unknown as z.ZodType<z.infer<typeof resetPasswordSchema>>, async (input) => {
  return resetPassword(getDb(), input);
});
