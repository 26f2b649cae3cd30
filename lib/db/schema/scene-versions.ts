import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { renderOutputs } from "./renders";
import { scenes } from "./scenes";
import { workspaces } from "./workspaces";

/**
 * auto: taken by the save path (at most one per 10 minutes of edits); export: taken when a render batch is created
 * from the scene; named: "Save version…"; restore: the document a restore made current.
 */
export type SceneVersionKind = "auto" | "export" | "named" | "restore";

/**
 * A snapshot of a scene's document (the editor's History panel). The document is stored as it was, with its
 * own `version` field, and read back through parseScene (migrated like scenes are). Unnamed auto and export versions
 * are pruned beyond a cap per scene; named and restore versions are kept.
 */
export const sceneVersions = pgTable(
  "scene_versions",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    sceneId: text("scene_id")
      .notNull()
      .references(() => scenes.id, { onDelete: "cascade" }),
    kind: text("kind").$type<SceneVersionKind>().notNull(),
    name: text("name"),
    document: jsonb("document").notNull(),
    /** The scene's revision this document was (auto, named, export) or became (restore). */
    sceneRevision: integer("scene_revision").notNull(),
    /** A small image captured by the editor's own canvas (data:image/webp or jpeg, a few KB); null: none. */
    thumbnail: text("thumbnail"),
    /** Export versions: the batch's first output, whose file is the version's picture once rendered. */
    renderOutputId: text("render_output_id").references(() => renderOutputs.id, { onDelete: "set null" }),
    /** Restore versions: the version that was restored (no foreign key: it may be pruned later). */
    restoredFromId: text("restored_from_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("scene_versions_scene_idx").on(t.workspaceId, t.sceneId, t.createdAt)],
);

export type SceneVersionRow = typeof sceneVersions.$inferSelect;
