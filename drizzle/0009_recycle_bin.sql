CREATE TABLE "recycle_bin_items" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" "entity_type" NOT NULL,
	"entity_id" uuid NOT NULL,
	"label" text NOT NULL,
	"parent_id" uuid,
	"contents" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"detached" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deleted_by" uuid,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purge_after" timestamp with time zone NOT NULL,
	CONSTRAINT "recycle_bin_items_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "recycle_bin_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "recycle_bin_items" ADD CONSTRAINT "recycle_bin_items_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recycle_bin_items" ADD CONSTRAINT "recycle_bin_items_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recycle_bin_items_team_deleted_idx" ON "recycle_bin_items" USING btree ("team_id","deleted_at");--> statement-breakpoint
CREATE INDEX "recycle_bin_items_team_purge_idx" ON "recycle_bin_items" USING btree ("team_id","purge_after");--> statement-breakpoint
CREATE INDEX "recycle_bin_items_team_entity_idx" ON "recycle_bin_items" USING btree ("team_id","entity_id");--> statement-breakpoint
CREATE POLICY "recycle_bin_items_tenant_isolation" ON "recycle_bin_items" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
-- The same second wall as every other tenant table: RLS forced (it binds the owner too) and the app role's grants.
ALTER TABLE "recycle_bin_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "recycle_bin_items" TO cairn_app;
