ALTER TABLE "shopify_connections" ADD COLUMN "auth_kind" text DEFAULT 'token' NOT NULL;--> statement-breakpoint
ALTER TABLE "shopify_connections" ADD COLUMN "client_id" text;--> statement-breakpoint
ALTER TABLE "shopify_connections" ADD COLUMN "client_secret_ciphertext" text;--> statement-breakpoint
ALTER TABLE "shopify_connections" ADD COLUMN "token_expires_at" timestamp with time zone;