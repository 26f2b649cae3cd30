CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"source_format" text NOT NULL,
	"original_filename" text NOT NULL,
	"original_key" text NOT NULL,
	"original_bytes" bigint NOT NULL,
	"model_key" text NOT NULL,
	"model_bytes" bigint NOT NULL,
	"thumbnail_key" text,
	"source_size" jsonb NOT NULL,
	"unit_scale" double precision DEFAULT 1 NOT NULL,
	"suggested_unit" text,
	"dimensions_m" jsonb NOT NULL,
	"triangles" integer NOT NULL,
	"materials" jsonb NOT NULL,
	"variants" jsonb NOT NULL,
	"warnings" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "products_workspace_idx" ON "products" USING btree ("workspace_id","created_at");