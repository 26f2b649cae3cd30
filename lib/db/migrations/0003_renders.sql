CREATE TYPE "public"."render_format" AS ENUM('png', 'jpg', 'webp');--> statement-breakpoint
CREATE TYPE "public"."render_quality" AS ENUM('draft', 'final');--> statement-breakpoint
CREATE TYPE "public"."render_status" AS ENUM('queued', 'rendering', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "render_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"scene_id" text,
	"scene_name" text NOT NULL,
	"product_name" text NOT NULL,
	"format" "render_format" NOT NULL,
	"quality" "render_quality" NOT NULL,
	"transparent" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "render_outputs" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"label" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"status" "render_status" DEFAULT 'queued' NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"file_key" text,
	"file_name" text NOT NULL,
	"bytes" integer,
	"render_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "render_batches" ADD CONSTRAINT "render_batches_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "render_batches" ADD CONSTRAINT "render_batches_scene_id_scenes_id_fk" FOREIGN KEY ("scene_id") REFERENCES "public"."scenes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "render_batches" ADD CONSTRAINT "render_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "render_outputs" ADD CONSTRAINT "render_outputs_batch_id_render_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."render_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "render_outputs" ADD CONSTRAINT "render_outputs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "render_batches_workspace_idx" ON "render_batches" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "render_outputs_batch_idx" ON "render_outputs" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "render_outputs_workspace_idx" ON "render_outputs" USING btree ("workspace_id","status");