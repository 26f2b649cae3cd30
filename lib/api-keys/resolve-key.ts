import type { ApiKeyCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { findApiKeyByHash, touchApiKey } from "@/lib/db/queries/api-keys";
import type { ApiKeyMode } from "@/lib/db/schema";
import { permissionsForScopes } from "./scopes";
import { hashApiKey, keyMode, sameHash } from "./secret";

const TOUCH_EVERY_MS = 60_000;

/** The API key caller with what the v1 layer needs beside it: the key's mode (test keys render free drafts). */
export type ResolvedApiKey = { caller: ApiKeyCaller; mode: ApiKeyMode };

export function apiKeyCaller(key: { id: string; workspaceId: string; scopes: ApiKeyCaller["scopes"] }): ApiKeyCaller {
  return { kind: "api_key", keyId: key.id, workspaceId: key.workspaceId, scopes: key.scopes };
}

/** `Authorization: Bearer plk_...` ─► the key's secret, or null when the header is absent or not a bearer key. */
export function bearerKey(request: Request): string | null {
  const header = request.headers.get("authorization");
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m ? m[1] : null;
}

/**
 * A presented key ─► its caller, or null (unknown, malformed or revoked: the caller cannot tell which). The lookup is
 * by SHA-256, never by the secret, so neither the database nor this code compares secrets character by character.
 */
export async function resolveApiKey(db: Database, presented: string): Promise<ResolvedApiKey | null> {
  if (!keyMode(presented)) return null;
  const hash = hashApiKey(presented);
  const row = await findApiKeyByHash(db, hash);
  if (!row || !sameHash(row.secretHash, hash) || row.revokedAt) return null;
  // "Last used" never fails a request (a write at most once a minute per key). The row just read says whether a
  // minute has passed: a busy key then costs no second round trip (bench:api: each one is several ms under load).
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS)
    await touchApiKey(db, row.id).catch(() => {});
  return {
    caller: apiKeyCaller({ id: row.id, workspaceId: row.workspaceId, scopes: permissionsForScopes(row.scopes) }),
    mode: row.mode,
  };
}
