DROP INDEX "render_outputs_workspace_idx";--> statement-breakpoint
ALTER TABLE "render_batches" ADD COLUMN "product_id" text;--> statement-breakpoint
ALTER TABLE "render_batches" ADD COLUMN "template_id" text;--> statement-breakpoint
CREATE INDEX "render_batches_product_page_idx" ON "render_batches" USING btree ("workspace_id","product_id","created_at","id");--> statement-breakpoint
CREATE INDEX "render_batches_template_page_idx" ON "render_batches" USING btree ("workspace_id","template_id","created_at","id");--> statement-breakpoint
CREATE INDEX "render_outputs_workspace_idx" ON "render_outputs" USING btree ("workspace_id","status","batch_id");--> statement-breakpoint
-- Backfill: existing batches take their scene's main product and template (batches of deleted scenes stay null).
UPDATE "render_batches" b SET "product_id" = s."product_id" FROM "scenes" s WHERE s."id" = b."scene_id";--> statement-breakpoint
UPDATE "render_batches" b SET "template_id" = t."template_id" FROM "scene_templates" t WHERE t."scene_id" = b."scene_id";
