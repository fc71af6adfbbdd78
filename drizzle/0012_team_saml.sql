CREATE TYPE "public"."sso_protocol" AS ENUM('oidc', 'saml');--> statement-breakpoint
CREATE TABLE "team_saml_requests" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"relay_state_hash" text NOT NULL,
	"request_id" text NOT NULL,
	"callback_url" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_saml_requests_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "team_saml_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "team_sso_connections" ALTER COLUMN "issuer" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "team_sso_connections" ALTER COLUMN "client_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "team_sso_connections" ALTER COLUMN "client_secret_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "team_sso_connections" ADD COLUMN "protocol" "sso_protocol" DEFAULT 'oidc' NOT NULL;--> statement-breakpoint
ALTER TABLE "team_sso_connections" ADD COLUMN "saml_idp_entity_id" text;--> statement-breakpoint
ALTER TABLE "team_sso_connections" ADD COLUMN "saml_idp_sso_url" text;--> statement-breakpoint
ALTER TABLE "team_sso_connections" ADD COLUMN "saml_idp_certificate" text;--> statement-breakpoint
ALTER TABLE "team_sso_connections" ADD COLUMN "saml_email_attribute" text;--> statement-breakpoint
ALTER TABLE "team_saml_requests" ADD CONSTRAINT "team_saml_requests_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "team_saml_requests_relay_state_key" ON "team_saml_requests" USING btree ("team_id","relay_state_hash");--> statement-breakpoint
CREATE INDEX "team_saml_requests_expires_idx" ON "team_saml_requests" USING btree ("team_id","expires_at");--> statement-breakpoint
ALTER TABLE "team_sso_connections" ADD CONSTRAINT "team_sso_connections_oidc_fields" CHECK ("team_sso_connections"."protocol" <> 'oidc' or ("team_sso_connections"."issuer" is not null and "team_sso_connections"."client_id" is not null and "team_sso_connections"."client_secret_sealed" is not null));--> statement-breakpoint
ALTER TABLE "team_sso_connections" ADD CONSTRAINT "team_sso_connections_saml_fields" CHECK ("team_sso_connections"."protocol" <> 'saml' or ("team_sso_connections"."saml_idp_entity_id" is not null and "team_sso_connections"."saml_idp_sso_url" is not null and "team_sso_connections"."saml_idp_certificate" is not null));--> statement-breakpoint
CREATE POLICY "team_saml_requests_tenant_isolation" ON "team_saml_requests" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
-- The same second wall as every other tenant table: RLS forced (it binds the owner too) and the app role's grants.
ALTER TABLE "team_saml_requests" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "team_saml_requests" TO cairn_app;
