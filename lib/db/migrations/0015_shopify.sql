CREATE TABLE "shopify_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"shop_domain" text NOT NULL,
	"shop_name" text NOT NULL,
	"token_ciphertext" text NOT NULL,
	"token_hint" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"connected_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shopify_media" (
	"workspace_id" text NOT NULL,
	"shop_domain" text NOT NULL,
	"product_gid" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"media_id" text NOT NULL,
	"push_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shopify_media_workspace_id_shop_domain_product_gid_source_kind_source_id_pk" PRIMARY KEY("workspace_id","shop_domain","product_gid","source_kind","source_id")
);
--> statement-breakpoint
CREATE TABLE "shopify_push_items" (
	"id" text PRIMARY KEY NOT NULL,
	"push_id" text NOT NULL,
	"position" integer NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"label" text NOT NULL,
	"alt" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"media_id" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "shopify_pushes" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"shop_domain" text NOT NULL,
	"product_gid" text NOT NULL,
	"product_title" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "shopify_connections" ADD CONSTRAINT "shopify_connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_connections" ADD CONSTRAINT "shopify_connections_connected_by_users_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_media" ADD CONSTRAINT "shopify_media_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_media" ADD CONSTRAINT "shopify_media_push_id_shopify_pushes_id_fk" FOREIGN KEY ("push_id") REFERENCES "public"."shopify_pushes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_push_items" ADD CONSTRAINT "shopify_push_items_push_id_shopify_pushes_id_fk" FOREIGN KEY ("push_id") REFERENCES "public"."shopify_pushes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_pushes" ADD CONSTRAINT "shopify_pushes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_pushes" ADD CONSTRAINT "shopify_pushes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_connections_workspace_idx" ON "shopify_connections" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_push_items_position_idx" ON "shopify_push_items" USING btree ("push_id","position");--> statement-breakpoint
CREATE INDEX "shopify_pushes_workspace_idx" ON "shopify_pushes" USING btree ("workspace_id","created_at");