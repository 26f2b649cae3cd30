import { boolean, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { renderOutputs } from "./renders";
import { viewers } from "./viewers";
import { workspaces } from "./workspaces";

/** A share album: a titled, ordered selection of a workspace's outputs (stills, videos) and published 3D viewers. */
export const albums = pgTable(
  "albums",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** The item shown as the album's cover; null: its first item. */
    coverItemId: text("cover_item_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("albums_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export type AlbumItemKind = "output" | "viewer";

/** One item of an album, in order. Exactly one of outputId / viewerId is set; deleting the source drops the item. */
export const albumItems = pgTable(
  "album_items",
  {
    id: text("id").primaryKey(),
    albumId: text("album_id")
      .notNull()
      .references(() => albums.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind").$type<AlbumItemKind>().notNull(),
    outputId: text("output_id").references(() => renderOutputs.id, { onDelete: "cascade" }),
    viewerId: text("viewer_id").references(() => viewers.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("album_items_album_idx").on(t.albumId, t.position),
    uniqueIndex("album_items_output_idx").on(t.albumId, t.outputId),
    uniqueIndex("album_items_viewer_idx").on(t.albumId, t.viewerId),
  ],
);

export type ShareDownloadSize = "original" | "web";

/**
 * A way into one album without an account: a link (anyone holding it) or a named guest (`guestEmail`: the link was
 * mailed to them, and their comments and decisions carry their name). The token is never stored, only its SHA-256;
 * `expiresAt` null means "never" (the default is 30 days); a revoked link answers 404 at once. The password, when
 * set, is a bcrypt hash; unlocking is rate-limited per link and address.
 */
export const albumLinks = pgTable(
  "album_links",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    albumId: text("album_id")
      .notNull()
      .references(() => albums.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    tokenHint: text("token_hint").notNull(),
    guestEmail: text("guest_email"),
    guestName: text("guest_name"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    passwordHash: text("password_hash"),
    allowDownloads: boolean("allow_downloads").notNull().default(false),
    downloadSize: text("download_size").$type<ShareDownloadSize>().notNull().default("original"),
    /** Guests of this link may comment and approve or request changes. */
    allowReview: boolean("allow_review").notNull().default(false),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("album_links_token_hash_idx").on(t.tokenHash),
    index("album_links_workspace_idx").on(t.workspaceId, t.createdAt),
  ],
);

export type AlbumEventKind = "view" | "download";

/** What guests did: each album page view and each download, by which link (or named guest), when. */
export const albumEvents = pgTable(
  "album_events",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    albumId: text("album_id")
      .notNull()
      .references(() => albums.id, { onDelete: "cascade" }),
    linkId: text("link_id")
      .notNull()
      .references(() => albumLinks.id, { onDelete: "cascade" }),
    itemId: text("item_id"),
    kind: text("kind").$type<AlbumEventKind>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("album_events_album_idx").on(t.albumId, t.createdAt)],
);

/**
 * A review comment on one output or viewer (the subject), by a member or a guest link. Pinned to a point of an image
 * (`pinX`, `pinY` in 0-1 of its width and height, so the pin holds at every size) or a time of a video (`pinTime`,
 * seconds); a reply names its `parentId` and carries no pin.
 */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    subjectKind: text("subject_kind").$type<AlbumItemKind>().notNull(),
    subjectId: text("subject_id").notNull(),
    albumId: text("album_id").references(() => albums.id, { onDelete: "set null" }),
    parentId: text("parent_id"),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    authorLinkId: text("author_link_id").references(() => albumLinks.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    pinX: doublePrecision("pin_x"),
    pinY: doublePrecision("pin_y"),
    pinTime: doublePrecision("pin_time"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: text("resolved_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("review_comments_subject_idx").on(t.workspaceId, t.subjectId, t.createdAt)],
);

export type ReviewState = "approved" | "changes_requested";

/** Approved / Changes requested, one row per decision (the newest per subject is its state; older ones are history). */
export const reviewDecisions = pgTable(
  "review_decisions",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    subjectKind: text("subject_kind").$type<AlbumItemKind>().notNull(),
    subjectId: text("subject_id").notNull(),
    albumId: text("album_id").references(() => albums.id, { onDelete: "set null" }),
    state: text("state").$type<ReviewState>().notNull(),
    decidedByUserId: text("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decidedByLinkId: text("decided_by_link_id").references(() => albumLinks.id, { onDelete: "set null" }),
    decidedByName: text("decided_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("review_decisions_subject_idx").on(t.workspaceId, t.subjectId, t.createdAt)],
);

/**
 * A line waiting for a recipient's next review digest: comments and decisions are not mailed one by one; a job that
 * waits a few minutes sends every unsent line of one recipient in one mail (`sentAt` set in the same transaction).
 */
export const reviewNotifications = pgTable(
  "review_notifications",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    recipientEmail: text("recipient_email").notNull(),
    albumId: text("album_id").references(() => albums.id, { onDelete: "cascade" }),
    line: text("line").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("review_notifications_recipient_idx").on(t.recipientEmail, t.sentAt)],
);

export type AlbumRow = typeof albums.$inferSelect;
export type AlbumItemRow = typeof albumItems.$inferSelect;
export type AlbumLinkRow = typeof albumLinks.$inferSelect;
export type ReviewCommentRow = typeof reviewComments.$inferSelect;
export type ReviewDecisionRow = typeof reviewDecisions.$inferSelect;
