ALTER TABLE "viewers" ADD COLUMN "look" jsonb;--> statement-breakpoint
ALTER TABLE "viewers" ADD COLUMN "usdz_key" text;--> statement-breakpoint
ALTER TABLE "viewers" ADD COLUMN "usdz_bytes" bigint;