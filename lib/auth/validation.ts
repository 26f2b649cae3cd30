import { z } from "zod";
import { refineSafeText } from "@/lib/validation/safe-text";

export const emailSchema = z
  .string({ required_error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like name@brand.com.")
  .transform((v) => v.toLowerCase());

export const newPasswordSchema = z
  .string({ required_error: "Choose a password." })
  .min(8, "Use at least 8 characters.")
  .max(200, "Use at most 200 characters.");

export const personNameSchema = z
  .string()
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters.")
  .superRefine(refineSafeText);

export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, "Enter your brand or workspace name.")
  .max(80, "Use at most 80 characters.")
  .superRefine(refineSafeText);

export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  workspaceName: workspaceNameSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});

export const resetRequestSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(10, "This reset link is incomplete.").max(200),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match." });

export type SignUpInput = z.infer<typeof signUpSchema>;
