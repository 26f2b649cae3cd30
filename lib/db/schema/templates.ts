import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { scenes } from "./scenes";
import { workspaces } from "./workspaces";

/** The workspace's brand kit: tints templates, orders the gallery, seeds variations. */
export const brandKits = pgTable("brand_kits", {
  workspaceId: text("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  brandName: text("brand_name").notNull().default(""),
  /** 2-6 lowercase #rrggbb colours, in the brand's order (primary first). */
  palette: jsonb("palette").$type<string[]>().notNull().default([]),
  likedStyles: jsonb("liked_styles").$type<string[]>().notNull().default([]),
  dislikedStyles: jsonb("disliked_styles").$type<string[]>().notNull().default([]),
  /** Output ratios the brand mostly publishes ("1:1", "9:16"...). */
  formats: jsonb("formats").$type<string[]>().notNull().default([]),
  /** The logo overlays place (a brand_assets id); null: none uploaded. */
  logoAssetId: text("logo_asset_id"),
  /** Up to two bundled font ids (lib/overlays/fonts.ts): headline first. */
  fonts: jsonb("fonts").$type<string[]>().notNull().default([]),
  /** Bumped on every save: thumbnails are cached per version. */
  version: integer("version").notNull().default(1),
  onboardedAt: timestamp("onboarded_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** "Save as template": a workspace's own templates (a scene document + where it came from). */
export const workspaceTemplates = pgTable(
  "workspace_templates",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Always stored after parseScene. */
    document: jsonb("document").notNull(),
    /** Template slots (lib/scene/templates/schema.ts productSlot + tint), derived when saved. */
    slots: jsonb("slots").notNull(),
    sourceSceneId: text("source_scene_id").references(() => scenes.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workspace_templates_workspace_idx").on(t.workspaceId, t.createdAt)],
);

/** Which template a scene was made from (built-in id or a workspace template id). */
export const sceneTemplates = pgTable("scene_templates", {
  sceneId: text("scene_id")
    .primaryKey()
    .references(() => scenes.id, { onDelete: "cascade" }),
  workspaceId: text("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  templateId: text("template_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Export and download events, for "For you" ordering. */
export const templateEvents = pgTable(
  "template_events",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"export" | "download">().notNull(),
    templateId: text("template_id"),
    sceneId: text("scene_id"),
    ratio: text("ratio"),
    format: text("format"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("template_events_workspace_idx").on(t.workspaceId, t.templateId)],
);

/**
 * Gallery and variation previews, rendered by the worker ("render-thumbnail"
 * queue). One row per (template or variation, product version, brand kit
 * version, tinted): a change to any of them is a new cache key, a new row.
 */
export const templateThumbnails = pgTable(
  "template_thumbnails",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    cacheKey: text("cache_key").notNull(),
    templateId: text("template_id").notNull(),
    productId: text("product_id").notNull(),
    /** The frozen document the worker renders. */
    snapshot: jsonb("snapshot").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    status: text("status").$type<"queued" | "rendering" | "done" | "failed">().notNull().default("queued"),
    fileKey: text("file_key"),
    error: text("error"),
    renderMs: integer("render_ms"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("template_thumbnails_key_idx").on(t.workspaceId, t.cacheKey)],
);

export type BrandKitRow = typeof brandKits.$inferSelect;
export type WorkspaceTemplateRow = typeof workspaceTemplates.$inferSelect;
export type TemplateThumbnailRow = typeof templateThumbnails.$inferSelect;
