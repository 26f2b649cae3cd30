import { bigint, index, integer, jsonb, pgTable, text, timestamp, boolean, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { scenes } from "./scenes";
import { workspaces } from "./workspaces";

/** "processing": its web-ready model is being made (nothing public yet); "ready": published; "failed": see `error`. */
export type ViewerStatus = "processing" | "ready" | "failed";

/**
 * A published 3D viewer (`/v/<token>`): one product, optionally as a scene shows it (its colourway). The token is
 * never stored, only its SHA-256 (`tokenHash`), so the link is shown once, when it is made; `tokenHint` (its first
 * four characters) lets the product page tell links apart. A revoked viewer (`revokedAt`) answers 404 at once.
 * `productId` has no foreign key: it may name a shared sample; a deleted upload leaves the viewer answering
 * "no longer available".
 */
export const viewers = pgTable(
  "viewers",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    productId: text("product_id").notNull(),
    sceneId: text("scene_id").references(() => scenes.id, { onDelete: "set null" }),
    /** The KHR_materials_variants colourway shown first (the scene's), or null for the default look. */
    variant: text("variant"),
    autoRotate: boolean("auto_rotate").notNull().default(false),
    /** The scene's light, frozen at publish (lib/viewers/viewer-look.ts); null: the default look. */
    look: jsonb("look"),
    tokenHash: text("token_hash").notNull(),
    tokenHint: text("token_hint").notNull(),
    status: text("status").$type<ViewerStatus>().notNull().default("processing"),
    error: text("error"),
    modelKey: text("model_key"),
    modelBytes: bigint("model_bytes", { mode: "number" }),
    /** The product's GLB the web-ready copy was made from, for "n% of the original". */
    sourceBytes: bigint("source_bytes", { mode: "number" }),
    /** The USDZ for iOS Quick Look, made from the web-ready model in the worker's browser; null: none (AR falls back). */
    usdzKey: text("usdz_key"),
    usdzBytes: bigint("usdz_bytes", { mode: "number" }),
    viewCount: integer("view_count").notNull().default(0),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("viewers_token_hash_idx").on(t.tokenHash),
    index("viewers_product_idx").on(t.workspaceId, t.productId, t.createdAt),
  ],
);

export type ViewerRow = typeof viewers.$inferSelect;
export type NewViewerRow = typeof viewers.$inferInsert;
