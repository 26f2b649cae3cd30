CREATE TABLE "render_group_batches" (
	"batch_id" text PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"product_id" text NOT NULL,
	"product_name" text NOT NULL,
	"template_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "render_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"title" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "render_group_batches" ADD CONSTRAINT "render_group_batches_batch_id_render_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."render_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "render_group_batches" ADD CONSTRAINT "render_group_batches_group_id_render_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."render_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "render_group_batches" ADD CONSTRAINT "render_group_batches_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "render_groups" ADD CONSTRAINT "render_groups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "render_groups" ADD CONSTRAINT "render_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "render_group_batches_group_idx" ON "render_group_batches" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "render_groups_workspace_idx" ON "render_groups" USING btree ("workspace_id","created_at");