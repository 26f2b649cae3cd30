CREATE TYPE "public"."billing_status" AS ENUM('active', 'past_due', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."credit_kind" AS ENUM('grant', 'debit', 'refund', 'adjustment');--> statement-breakpoint
CREATE TABLE "credit_ledger" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"delta" integer NOT NULL,
	"kind" "credit_kind" NOT NULL,
	"reason" text NOT NULL,
	"batch_id" text,
	"output_id" text,
	"stripe_invoice_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_ledger_kind_output_uq" UNIQUE("kind","output_id"),
	CONSTRAINT "credit_ledger_kind_invoice_uq" UNIQUE("kind","stripe_invoice_id")
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_billing" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"plan_id" text DEFAULT 'trial' NOT NULL,
	"status" "billing_status" DEFAULT 'active' NOT NULL,
	"stripe_customer_id" text,
	"stripe_subscription_id" text,
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_billing_stripe_customer_id_unique" UNIQUE("stripe_customer_id"),
	CONSTRAINT "workspace_billing_stripe_subscription_id_unique" UNIQUE("stripe_subscription_id")
);
--> statement-breakpoint
ALTER TABLE "render_batches" ADD COLUMN "watermark" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_batch_id_render_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."render_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_output_id_render_outputs_id_fk" FOREIGN KEY ("output_id") REFERENCES "public"."render_outputs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_billing" ADD CONSTRAINT "workspace_billing_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_ledger_workspace_idx" ON "credit_ledger" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_trial_grant_uq" ON "credit_ledger" USING btree ("workspace_id") WHERE "credit_ledger"."kind" = 'grant' and "credit_ledger"."stripe_invoice_id" is null;--> statement-breakpoint
-- Workspaces created before billing: a trial billing row and the trial's 30 credits, as at signup.
INSERT INTO "workspace_billing" ("workspace_id") SELECT "id" FROM "workspaces" ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "credit_ledger" ("id", "workspace_id", "delta", "kind", "reason")
SELECT 'crd_' || substr(md5(random()::text || "id"), 1, 16), "id", 30, 'grant', 'Free trial credits' FROM "workspaces"
ON CONFLICT DO NOTHING;
