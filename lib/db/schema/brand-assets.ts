import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * Files of a workspace's brand kit (issue 19): today its logo, stored as a sanitised PNG under
 * workspaces/<id>/brand/ (an SVG is rasterised at upload). Scene overlays name them by id; an id is only ever
 * looked up together with the workspace, so another workspace's logo can never be drawn.
 */
export const brandAssets = pgTable(
  "brand_assets",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["logo"] }).notNull(),
    /** The PNG drawn in previews and exports. */
    fileKey: text("file_key").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    /** What was uploaded ("svg", "png", "jpeg", "webp") and its name, for the brand page. */
    sourceFormat: text("source_format").notNull(),
    originalName: text("original_name").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("brand_assets_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export type BrandAssetRow = typeof brandAssets.$inferSelect;
