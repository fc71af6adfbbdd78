CREATE TABLE "sso_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_domains" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"domain" text NOT NULL,
	"verification_token" text NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_domains_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "team_domains" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "team_sso_connections" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_sealed" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"require_sso" boolean DEFAULT false NOT NULL,
	"jit_enabled" boolean DEFAULT false NOT NULL,
	"jit_role" "team_role" DEFAULT 'viewer' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_sso_connections_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "team_sso_connections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sso_tickets" ADD CONSTRAINT "sso_tickets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_domains" ADD CONSTRAINT "team_domains_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_sso_connections" ADD CONSTRAINT "team_sso_connections_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sso_tickets_token_hash_key" ON "sso_tickets" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sso_tickets_user_idx" ON "sso_tickets" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_domains_team_domain_key" ON "team_domains" USING btree ("team_id","domain");--> statement-breakpoint
CREATE UNIQUE INDEX "team_domains_verified_domain_key" ON "team_domains" USING btree ("domain") WHERE verified_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "team_sso_connections_team_key" ON "team_sso_connections" USING btree ("team_id");--> statement-breakpoint
CREATE POLICY "team_domains_tenant_isolation" ON "team_domains" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "team_domains_verified_lookup" ON "team_domains" AS PERMISSIVE FOR SELECT TO public USING (verified_at is not null and domain = nullif(current_setting('app.sso_domain', true), ''));--> statement-breakpoint
CREATE POLICY "team_sso_connections_tenant_isolation" ON "team_sso_connections" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
-- The same second wall as every other tenant table: RLS forced (it binds the owner too) and the app role's grants.
ALTER TABLE "team_domains" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "team_sso_connections" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "team_domains" TO cairn_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "team_sso_connections" TO cairn_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sso_tickets" TO cairn_app;
