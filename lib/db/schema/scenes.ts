import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { workspaces } from "./workspaces";

export const scenes = pgTable(
  "scenes",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The scene document (lib/scene), always stored after parseScene: never an invalid one. */
    document: jsonb("document").notNull(),
    /** Bumped on every save; clients see which version they have. */
    revision: integer("revision").notNull().default(1),
    /** The main product, for listing and thumbnails; the document holds every placement. */
    productId: text("product_id").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("scenes_workspace_idx").on(t.workspaceId, t.updatedAt)],
);

export type SceneRow = typeof scenes.$inferSelect;
