import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { renderBatches } from "./renders";
import { workspaces } from "./workspaces";

export type ApiKeyMode = "live" | "test";
export type ApiKeyScope = "read" | "render" | "manage";

/**
 * A workspace's key for the public API (`/api/v1`). The secret is never stored, only its SHA-256 (`secretHash`),
 * so a key is shown once, when it is made; `prefix` (`plk_live_` + the secret's first characters) tells keys apart
 * in Settings and in logs. A revoked key (`revokedAt`) is refused at once. `lastUsedAt` is written at most once a
 * minute per key (lib/api-keys/resolve-key.ts), so busy keys do not write on every request.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mode: text("mode").$type<ApiKeyMode>().notNull(),
    scopes: jsonb("scopes").$type<ApiKeyScope[]>().notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_keys_secret_hash_idx").on(t.secretHash),
    index("api_keys_workspace_idx").on(t.workspaceId, t.createdAt),
  ],
);

/**
 * `Idempotency-Key` of a v1 POST, per API key: the first request's body hash and, once it has finished, its answer,
 * replayed for 24 hours. `responseStatus` null: the first request is still running (a second one gets 409).
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    keyId: text("key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.keyId, t.idempotencyKey] }),
    index("api_idempotency_keys_expires_idx").on(t.expiresAt),
  ],
);

/** Which key made a render batch through the API, and whether it was a test key's (free, small, watermarked). */
export const apiRenderBatches = pgTable("api_render_batches", {
  batchId: text("batch_id")
    .primaryKey()
    .references(() => renderBatches.id, { onDelete: "cascade" }),
  keyId: text("key_id").references(() => apiKeys.id, { onDelete: "set null" }),
  mode: text("mode").$type<ApiKeyMode>().notNull(),
});

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type NewApiKeyRow = typeof apiKeys.$inferInsert;
