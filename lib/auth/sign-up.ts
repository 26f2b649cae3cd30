import type { Database } from "@/lib/db";
import { createUserWithWorkspace } from "@/lib/db/queries/users";
import { hashPassword } from "./passwords";
import { signUpSchema } from "./validation";

/** Validates the form and creates user + workspace + owner membership in one transaction. */
export async function signUp(db: Database, raw: unknown) {
  const input = signUpSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return createUserWithWorkspace(db, { ...input, passwordHash });
}
