import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { memberRole, workspaces } from "./workspaces";

/**
 * An invitation to join a workspace with a role. The link's token is never stored, only its SHA-256
 * (`tokenHash`), so a database leak opens nothing; it is single use (`acceptedAt`) and expires (`expiresAt`).
 * A resend issues a new token (the old link stops working). Cancelling deletes the row.
 */
export const workspaceInvitations = pgTable(
  "workspace_invitations",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Lower-cased: the account that accepts must have exactly this email. */
    email: text("email").notNull(),
    role: memberRole("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("workspace_invitations_token_idx").on(t.tokenHash),
    index("workspace_invitations_workspace_idx").on(t.workspaceId, t.createdAt),
  ],
);

export type WorkspaceExportStatus = "queued" | "running" | "done" | "failed";

/**
 * "Export everything": one background job (lib/jobs/kinds/workspace-export.ts) writes every row and stored file of
 * the workspace into a ZIP under the workspace's own storage prefix (so deleting the workspace deletes it too).
 * The download answers only until `expiresAt`.
 */
export const workspaceExports = pgTable(
  "workspace_exports",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    status: text("status").$type<WorkspaceExportStatus>().notNull().default("queued"),
    /** Steps done of steps total (one per table, one per file): the Settings page's progress bar. */
    stepsDone: integer("steps_done").notNull().default(0),
    stepsTotal: integer("steps_total").notNull().default(0),
    fileKey: text("file_key"),
    bytes: bigint("bytes", { mode: "number" }),
    error: text("error"),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("workspace_exports_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export type WorkspaceInvitationRow = typeof workspaceInvitations.$inferSelect;
export type WorkspaceExportRow = typeof workspaceExports.$inferSelect;
