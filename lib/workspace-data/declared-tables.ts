/**
 * How each table relates to a workspace, for "export everything" and "delete the workspace"
 * (lib/workspace-data/data-map.ts reads the live schema and applies these declarations).
 *
 * A table with a `workspace_id` column needs no entry: it is exported and deleted by that column, automatically.
 * Every other table of the public schema must be declared here, either
 *   - VIA_TABLES: its rows belong to a workspace through a column that points at a table that does
 *     (one hop, or a chain of them), e.g. album items through their album; or
 *   - NOT_WORKSPACE_DATA: with the reason it holds no workspace's data.
 * tests/integration/workspace-data-coverage.test.ts fails for a table that is neither, so a new table cannot be
 * forgotten by export or delete.
 */

export type ViaTable = {
  /** The column of this table that names the parent row. */
  column: string;
  parent: string;
  parentColumn: string;
  /** true: deleted with the workspace; a string: why its rows outlive the workspace (they are exported only). */
  delete: true | string;
};

export const VIA_TABLES: Record<string, ViaTable> = {
  api_idempotency_keys: { column: "key_id", parent: "api_keys", parentColumn: "id", delete: true },
  api_render_batches: { column: "batch_id", parent: "render_batches", parentColumn: "id", delete: true },
  shopify_push_items: { column: "push_id", parent: "shopify_pushes", parentColumn: "id", delete: true },
  users: {
    column: "id",
    parent: "memberships",
    parentColumn: "user_id",
    delete:
      "accounts belong to people, not to one workspace: the members are exported, and an account is removed by " +
      "deleting the account (lib/workspace-data/delete-account.ts)",
  },
};

/** The root: its own row is exported and deleted last. */
export const ROOT_TABLE = "workspaces";

export const NOT_WORKSPACE_DATA: Record<string, string> = {
  sign_in_failures: "per email and address rate limiting, pruned hourly; not tied to a workspace",
  rate_limit_hits: "per address rate limiting buckets, pruned hourly; not tied to a workspace",
  password_reset_tokens: "per account (hashed, expiring); removed with the account by its foreign key",
  mail_outbox: "the development outbox of mail to addresses (no workspace id); off in production",
  stripe_events: "ids of Stripe webhook deliveries already applied; hold no workspace data",
  render_workers: "the render workers' heartbeats; no workspace data",
};

/**
 * Columns never written to an export: credentials a reader of the ZIP could use (password and token hashes,
 * signing secrets). The README says they are left out.
 */
export function isSecretColumn(column: string): boolean {
  return /(^|_)(password|secret|hash)(_|$)/.test(column) || /_hash$/.test(column);
}
