import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { scenes } from "./scenes";
import { workspaces } from "./workspaces";

export const renderFormat = pgEnum("render_format", ["png", "jpg", "webp", "mp4", "webm", "gif"]);
/** Studio (issue 18): the Final raster, then path traced for a time budget; offered only when STUDIO_RENDERS=1. */
export const renderQuality = pgEnum("render_quality", ["draft", "final", "studio"]);
export const renderStatus = pgEnum("render_status", ["queued", "rendering", "done", "failed"]);

/** One click on Export: the outputs it asked for share a batch. */
export const renderBatches = pgTable(
  "render_batches",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** The scene may be deleted later; its renders stay. */
    sceneId: text("scene_id").references(() => scenes.id, { onDelete: "set null" }),
    sceneName: text("scene_name").notNull(),
    productName: text("product_name").notNull(),
    format: renderFormat("format").notNull(),
    quality: renderQuality("quality").notNull(),
    transparent: boolean("transparent").notNull().default(false),
    /** Decided at export time from the workspace's plan (the free trial is watermarked). */
    watermark: boolean("watermark").notNull().default(false),
    /**
     * The scene's main product and the template it was made from, copied when the batch is made (null: unknown,
     * e.g. the scene was deleted before this was recorded). The Renders page filters on them without a join.
     */
    productId: text("product_id"),
    templateId: text("template_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The Renders list pages by (created_at, id) within a workspace (keyset): these indexes serve each page in order,
  // unfiltered or filtered by product or template.
  (t) => [
    index("render_batches_workspace_page_idx").on(t.workspaceId, t.createdAt, t.id),
    index("render_batches_product_page_idx").on(t.workspaceId, t.productId, t.createdAt, t.id),
    index("render_batches_template_page_idx").on(t.workspaceId, t.templateId, t.createdAt, t.id),
  ],
);

/** One image of a batch, with the frozen scene it renders: later edits to the scene change nothing here. */
export const renderOutputs = pgTable(
  "render_outputs",
  {
    id: text("id").primaryKey(),
    batchId: text("batch_id")
      .notNull()
      .references(() => renderBatches.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Order within the batch, as the user listed the formats. */
    position: integer("position").notNull().default(0),
    label: text("label").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    status: renderStatus("status").notNull().default("queued"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    fileKey: text("file_key"),
    fileName: text("file_name").notNull(),
    /** The scene's extra shot this output draws (issue 19; its camera is in the snapshot); null: the main shot. */
    shotId: text("shot_id"),
    /** The shot's label when exported, for lists and API answers without reading the snapshot. */
    shotLabel: text("shot_label"),
    bytes: integer("bytes"),
    renderMs: integer("render_ms"),
    /** The file's own format when it differs from the batch's (a video whose MP4 fell back to WebM). */
    format: renderFormat("format"),
    /** Videos: frames in the file and frames drawn so far (the Renders page's progress). */
    framesTotal: integer("frames_total"),
    framesDone: integer("frames_done"),
    /** Videos: the poster image (frame 0) shown before the video plays. */
    posterKey: text("poster_key"),
    /** Videos: what the file holds (codec, fps, duration, frames) and why it differs from the ask, if it does. */
    details: jsonb("details"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("render_outputs_batch_idx").on(t.batchId),
    // (workspace, status) for "anything still rendering?"; batch_id last so the Renders status filter finds a
    // workspace's batches with an output in a state from the index alone.
    index("render_outputs_workspace_idx").on(t.workspaceId, t.status, t.batchId),
  ],
);

export type RenderBatch = typeof renderBatches.$inferSelect;
export type RenderOutput = typeof renderOutputs.$inferSelect;
export type RenderFormat = (typeof renderFormat.enumValues)[number];
export type RenderQuality = (typeof renderQuality.enumValues)[number];

/**
 * Each render worker's heartbeat and health, so the app can say "Rendering is paused: ..." when no worker can
 * draw (no browser found, or none running) instead of showing placeholders for ever.
 */
export const renderWorkers = pgTable("render_workers", {
  /** Random per worker process. */
  id: text("id").primaryKey(),
  host: text("host").notNull(),
  pid: integer("pid").notNull(),
  /** "starting" | "ready" | "no_browser" | "stopped" */
  status: text("status").notNull(),
  /** What a person should read when status is not ready (no secrets, no paths beyond the browser's). */
  message: text("message"),
  /** Which browser and GL path the worker draws with, e.g. "system /usr/bin/chromium, llvmpipe". */
  browser: text("browser"),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
});
