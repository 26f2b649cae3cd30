import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { workspaces } from "./workspaces";

/**
 * A workspace's connected Shopify store (Settings > Integrations > Shopify): at most one per workspace. The Admin
 * API access token is stored only encrypted (`tokenCiphertext`, AES-256-GCM, lib/secrets/secret-box.ts) and never
 * leaves the server; `tokenHint` (its last four characters) lets the settings page tell tokens apart.
 */
export const shopifyConnections = pgTable(
  "shopify_connections",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    shopDomain: text("shop_domain").notNull(),
    shopName: text("shop_name").notNull(),
    tokenCiphertext: text("token_ciphertext").notNull(),
    tokenHint: text("token_hint").notNull(),
    /**
     * "token": an Admin API access token pasted in (tokenCiphertext, no expiry). "client_credentials": a store-owned
     * app's client id and secret (secret sealed like the token); tokenCiphertext then holds the short-lived token
     * Shopify's client-credentials grant gave, replaced before tokenExpiresAt (lib/shopify/client-credentials.ts).
     */
    authKind: text("auth_kind").$type<"token" | "client_credentials">().notNull().default("token"),
    clientId: text("client_id"),
    clientSecretCiphertext: text("client_secret_ciphertext"),
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    connectedBy: text("connected_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("shopify_connections_workspace_idx").on(t.workspaceId)],
);

/** "queued" (a job waits), "pushing", "done", "failed" (see `error`, in plain words). */
export type ShopifyPushStatus = "queued" | "pushing" | "done" | "failed";

/** One "Push to Shopify": files of the workspace to one product of the connected store, in `position` order. */
export const shopifyPushes = pgTable(
  "shopify_pushes",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    shopDomain: text("shop_domain").notNull(),
    /** The product's Admin API id, gid://shopify/Product/<n>, checked against the store when queued and pushed. */
    productGid: text("product_gid").notNull(),
    productTitle: text("product_title").notNull(),
    status: text("status").$type<ShopifyPushStatus>().notNull().default("queued"),
    error: text("error"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("shopify_pushes_workspace_idx").on(t.workspaceId, t.createdAt)],
);

/** What an item is made from: a render output (still or video) or a published viewer's web-ready GLB. */
export type ShopifySourceKind = "output" | "viewer";
/** "waiting", "uploading", "processing" (Shopify is processing the file), "attached", "failed". */
export type ShopifyItemStatus = "waiting" | "uploading" | "processing" | "attached" | "failed";

export const shopifyPushItems = pgTable(
  "shopify_push_items",
  {
    id: text("id").primaryKey(),
    pushId: text("push_id")
      .notNull()
      .references(() => shopifyPushes.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    sourceKind: text("source_kind").$type<ShopifySourceKind>().notNull(),
    sourceId: text("source_id").notNull(),
    label: text("label").notNull(),
    alt: text("alt").notNull(),
    status: text("status").$type<ShopifyItemStatus>().notNull().default("waiting"),
    /** The Shopify file (MediaImage, Video, Model3d) once fileCreate made it: a retry resumes, never re-uploads. */
    mediaId: text("media_id"),
    error: text("error"),
  },
  (t) => [uniqueIndex("shopify_push_items_position_idx").on(t.pushId, t.position)],
);

/**
 * What went where: a source file's current media on one product of one store. A second push of the same source to
 * the same product replaces that media (the new one attached, then the old one deleted) instead of duplicating it.
 */
export const shopifyMedia = pgTable(
  "shopify_media",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    shopDomain: text("shop_domain").notNull(),
    productGid: text("product_gid").notNull(),
    sourceKind: text("source_kind").$type<ShopifySourceKind>().notNull(),
    sourceId: text("source_id").notNull(),
    mediaId: text("media_id").notNull(),
    pushId: text("push_id").references(() => shopifyPushes.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.shopDomain, t.productGid, t.sourceKind, t.sourceId] })],
);

export type ShopifyConnectionRow = typeof shopifyConnections.$inferSelect;
export type ShopifyPushRow = typeof shopifyPushes.$inferSelect;
export type ShopifyPushItemRow = typeof shopifyPushItems.$inferSelect;
