import { z } from "zod";
import { actingUserId, type MemberCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { insertApiKey, listApiKeyRows, revokeApiKeyRow } from "@/lib/db/queries/api-keys";
import type { ApiKeyRow } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { API_KEY_SCOPES } from "./scopes";
import { generateApiKey } from "./secret";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name.").max(80, "Use at most 80 characters."),
  scopes: z
    .array(z.enum(API_KEY_SCOPES), { invalid_type_error: "Pick at least one scope." })
    .min(1, "Pick at least one scope.")
    .transform((s) => [...new Set(s)]),
  mode: z.enum(["live", "test"], { errorMap: () => ({ message: "Pick live or test." }) }),
});

/** A key as Settings lists it: never its secret or its hash. */
export type ApiKeyView = {
  id: string;
  name: string;
  mode: ApiKeyRow["mode"];
  scopes: ApiKeyRow["scopes"];
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function toApiKeyView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    scopes: row.scopes,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Makes a key; the answer carries its secret, the only time anyone sees it. */
export async function createApiKey(db: Database, ctx: MemberCaller, raw: z.input<typeof createApiKeySchema>) {
  const input = createApiKeySchema.parse(raw);
  const { key, hash, prefix } = generateApiKey(input.mode);
  const row = await insertApiKey(db, {
    id: newId("key"),
    workspaceId: ctx.workspaceId,
    name: input.name,
    mode: input.mode,
    scopes: input.scopes,
    prefix,
    secretHash: hash,
    createdBy: actingUserId(ctx),
  });
  return { key: toApiKeyView(row), secret: key };
}

export async function listApiKeys(db: Database, workspaceId: string): Promise<ApiKeyView[]> {
  return (await listApiKeyRows(db, workspaceId)).map(toApiKeyView);
}

/** Revoked at once: the next request with it is refused. */
export async function revokeApiKey(db: Database, workspaceId: string, id: string): Promise<void> {
  if (!(await revokeApiKeyRow(db, workspaceId, id))) throw notFound("API key");
}
