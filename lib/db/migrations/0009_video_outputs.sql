ALTER TYPE "public"."render_format" ADD VALUE 'mp4';--> statement-breakpoint
ALTER TYPE "public"."render_format" ADD VALUE 'webm';--> statement-breakpoint
ALTER TYPE "public"."render_format" ADD VALUE 'gif';--> statement-breakpoint
ALTER TABLE "render_outputs" ADD COLUMN "format" "render_format";--> statement-breakpoint
ALTER TABLE "render_outputs" ADD COLUMN "frames_total" integer;--> statement-breakpoint
ALTER TABLE "render_outputs" ADD COLUMN "frames_done" integer;--> statement-breakpoint
ALTER TABLE "render_outputs" ADD COLUMN "poster_key" text;--> statement-breakpoint
ALTER TABLE "render_outputs" ADD COLUMN "details" jsonb;