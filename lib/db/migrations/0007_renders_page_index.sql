DROP INDEX "render_batches_workspace_idx";--> statement-breakpoint
CREATE INDEX "render_batches_workspace_page_idx" ON "render_batches" USING btree ("workspace_id","created_at","id");