ALTER TABLE "render_outputs" ADD COLUMN "shot_id" text;--> statement-breakpoint
ALTER TABLE "render_outputs" ADD COLUMN "shot_label" text;