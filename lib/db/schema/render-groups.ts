import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { renderBatches } from "./renders";
import { workspaces } from "./workspaces";

/**
 * A batch of batches: "this template for these products" or "this product in these templates", one export
 * batch per template × product, made in one transaction (credits checked for all of them at once), with one
 * progress view and one ZIP (a folder per product).
 */
export const renderGroups = pgTable(
  "render_groups",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("render_groups_workspace_idx").on(t.workspaceId, t.createdAt)],
);

/** Which batches a group holds, with the product and template each was made from (the ZIP's folder names). */
export const renderGroupBatches = pgTable(
  "render_group_batches",
  {
    batchId: text("batch_id")
      .primaryKey()
      .references(() => renderBatches.id, { onDelete: "cascade" }),
    groupId: text("group_id")
      .notNull()
      .references(() => renderGroups.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    productId: text("product_id").notNull(),
    productName: text("product_name").notNull(),
    templateId: text("template_id").notNull(),
  },
  (t) => [index("render_group_batches_group_idx").on(t.groupId)],
);
