"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, createApiKeySchema, revokeApiKey } from "@/lib/api-keys/key-service";
import { workspaceAction } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";

/** A new key for the workspace: the answer holds its secret, shown once and never again. Owners only. */
export const createApiKeyAction = workspaceAction(
  { permission: "workspace.manage", schema: createApiKeySchema },
  async (input, ctx) => {
    const created = await createApiKey(getDb(), ctx, input);
    revalidatePath("/settings/api");
    return created;
  },
);

/** Revoked at once: the next request with the key is refused. Owners only. */
export const revokeApiKeyAction = workspaceAction(
  { permission: "workspace.manage", schema: z.object({ id: z.string().min(1).max(64) }) },
  async ({ id }, ctx) => {
    await revokeApiKey(getDb(), ctx.workspace.id, id);
    revalidatePath("/settings/api");
    return null;
  },
);
