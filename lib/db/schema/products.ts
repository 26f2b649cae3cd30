import { bigint, doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { workspaces } from "./workspaces";

export type Vec3 = [number, number, number];
export type ProductWarning = { code: string; message: string; pointer?: string };

/**
 * An uploaded 3D product. The original upload is kept as is (`originalKey`);
 * `modelKey` is the web-ready GLB: standing on y = 0, centred on x/z, in
 * metres after `unitScale`, with Draco/meshopt geometry decoded.
 */
export const products = pgTable(
  "products",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** "glb" | "gltf" | "zip": what was uploaded. */
    sourceFormat: text("source_format").notNull(),
    originalFilename: text("original_filename").notNull(),
    originalKey: text("original_key").notNull(),
    originalBytes: bigint("original_bytes", { mode: "number" }).notNull(),
    modelKey: text("model_key").notNull(),
    modelBytes: bigint("model_bytes", { mode: "number" }).notNull(),
    thumbnailKey: text("thumbnail_key"),
    /** Bounding-box size as authored (glTF units, nominally metres), before `unitScale`. */
    sourceSize: jsonb("source_size").$type<Vec3>().notNull(),
    /** Model units -> metres: 1 (m), 0.01 (cm), 0.001 (mm), 0.0254 (in) or 1000. */
    unitScale: doublePrecision("unit_scale").notNull().default(1),
    /** The unit fix-up we suggest when the size looks implausible (e.g. "mm"); null when it looks right. */
    suggestedUnit: text("suggested_unit"),
    /** Real-world size in metres [x, y, z] (= sourceSize × unitScale). */
    dimensionsM: jsonb("dimensions_m").$type<Vec3>().notNull(),
    triangles: integer("triangles").notNull(),
    materials: jsonb("materials").$type<string[]>().notNull(),
    variants: jsonb("variants").$type<string[]>().notNull(),
    /** Validator warnings, shown on the product page. */
    warnings: jsonb("warnings").$type<ProductWarning[]>().notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("products_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = typeof products.$inferInsert;
