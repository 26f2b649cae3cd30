import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { renderBatches, renderOutputs } from "./renders";
import { workspaces } from "./workspaces";

export const billingStatus = pgEnum("billing_status", ["active", "past_due", "canceled"]);
export const creditKind = pgEnum("credit_kind", ["grant", "debit", "refund", "adjustment"]);

/**
 * One row per workspace: its plan and Stripe subscription. Exports lock this
 * row (SELECT ... FOR UPDATE) so credit checks of one workspace run one at a time.
 * There is deliberately no balance column: the balance is the ledger's sum.
 */
export const workspaceBilling = pgTable("workspace_billing", {
  workspaceId: text("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  /** PlanId from lib/billing/plans.ts: trial | pro | business. */
  planId: text("plan_id").notNull().default("trial"),
  status: billingStatus("status").notNull().default("active"),
  stripeCustomerId: text("stripe_customer_id").unique(),
  stripeSubscriptionId: text("stripe_subscription_id").unique(),
  currentPeriodStart: timestamp("current_period_start", { withTimezone: true }),
  currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every credit movement, append-only. The unique constraints make each
 * effect happen at most once: one debit and one refund per output, one grant
 * per Stripe invoice, one trial grant per workspace.
 */
export const creditLedger = pgTable(
  "credit_ledger",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    delta: integer("delta").notNull(),
    kind: creditKind("kind").notNull(),
    reason: text("reason").notNull(),
    /** Deleting a render keeps its credit history. */
    batchId: text("batch_id").references(() => renderBatches.id, { onDelete: "set null" }),
    outputId: text("output_id").references(() => renderOutputs.id, { onDelete: "set null" }),
    stripeInvoiceId: text("stripe_invoice_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("credit_ledger_workspace_idx").on(t.workspaceId, t.createdAt),
    unique("credit_ledger_kind_output_uq").on(t.kind, t.outputId),
    unique("credit_ledger_kind_invoice_uq").on(t.kind, t.stripeInvoiceId),
    uniqueIndex("credit_ledger_trial_grant_uq")
      .on(t.workspaceId)
      .where(sql`${t.kind} = 'grant' and ${t.stripeInvoiceId} is null`),
  ],
);

/** Stripe events already applied: a replayed or duplicated delivery changes nothing. */
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

export type WorkspaceBilling = typeof workspaceBilling.$inferSelect;
export type CreditLedgerEntry = typeof creditLedger.$inferSelect;
export type NewCreditLedgerEntry = typeof creditLedger.$inferInsert;
export type CreditKind = (typeof creditKind.enumValues)[number];
export type BillingStatus = (typeof billingStatus.enumValues)[number];
