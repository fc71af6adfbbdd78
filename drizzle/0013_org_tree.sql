CREATE TYPE "public"."kpi_aggregation" AS ENUM('sum', 'average', 'weighted_average', 'min', 'max', 'latest');--> statement-breakpoint
CREATE TYPE "public"."scorecard_role" AS ENUM('manager', 'editor', 'viewer');--> statement-breakpoint
ALTER TYPE "public"."team_role" ADD VALUE 'contributor';--> statement-breakpoint
CREATE TABLE "kpi_aggregate_inputs" (
	"team_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"input_kpi_id" uuid NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_aggregate_inputs_team_id_kpi_id_input_kpi_id_pk" PRIMARY KEY("team_id","kpi_id","input_kpi_id"),
	CONSTRAINT "kpi_aggregate_inputs_not_self" CHECK ("kpi_aggregate_inputs"."kpi_id" <> "kpi_aggregate_inputs"."input_kpi_id"),
	CONSTRAINT "kpi_aggregate_inputs_weight_positive" CHECK ("kpi_aggregate_inputs"."weight" > 0)
);
--> statement-breakpoint
ALTER TABLE "kpi_aggregate_inputs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_assignees" (
	"team_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_assignees_team_id_kpi_id_user_id_pk" PRIMARY KEY("team_id","kpi_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "kpi_assignees" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "objective_contributions" (
	"team_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"parent_objective_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_contributions_team_id_objective_id_parent_objective_id_pk" PRIMARY KEY("team_id","objective_id","parent_objective_id"),
	CONSTRAINT "objective_contributions_not_self" CHECK ("objective_contributions"."objective_id" <> "objective_contributions"."parent_objective_id")
);
--> statement-breakpoint
ALTER TABLE "objective_contributions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scorecard_grants" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "scorecard_role" NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_grants_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "scorecard_grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "aggregation" "kpi_aggregation";--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "inputs_reported" integer;--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "inputs_total" integer;--> statement-breakpoint
ALTER TABLE "scorecards" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "scorecards" ADD COLUMN "restricted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "scorecard_id" uuid;--> statement-breakpoint
ALTER TABLE "share_links" ADD COLUMN "include_subtree" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_aggregate_inputs" ADD CONSTRAINT "kpi_aggregate_inputs_kpi_fk" FOREIGN KEY ("team_id","kpi_id") REFERENCES "public"."kpis"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_aggregate_inputs" ADD CONSTRAINT "kpi_aggregate_inputs_input_fk" FOREIGN KEY ("team_id","input_kpi_id") REFERENCES "public"."kpis"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_assignees" ADD CONSTRAINT "kpi_assignees_kpi_fk" FOREIGN KEY ("team_id","kpi_id") REFERENCES "public"."kpis"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_assignees" ADD CONSTRAINT "kpi_assignees_member_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."memberships"("team_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_contributions" ADD CONSTRAINT "objective_contributions_objective_fk" FOREIGN KEY ("team_id","objective_id") REFERENCES "public"."objectives"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_contributions" ADD CONSTRAINT "objective_contributions_parent_fk" FOREIGN KEY ("team_id","parent_objective_id") REFERENCES "public"."objectives"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_grants" ADD CONSTRAINT "scorecard_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_grants" ADD CONSTRAINT "scorecard_grants_scorecard_fk" FOREIGN KEY ("team_id","scorecard_id") REFERENCES "public"."scorecards"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_grants" ADD CONSTRAINT "scorecard_grants_member_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."memberships"("team_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_aggregate_inputs_team_input_idx" ON "kpi_aggregate_inputs" USING btree ("team_id","input_kpi_id");--> statement-breakpoint
CREATE INDEX "kpi_assignees_team_user_idx" ON "kpi_assignees" USING btree ("team_id","user_id");--> statement-breakpoint
CREATE INDEX "objective_contributions_team_parent_idx" ON "objective_contributions" USING btree ("team_id","parent_objective_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_grants_team_scorecard_user_key" ON "scorecard_grants" USING btree ("team_id","scorecard_id","user_id");--> statement-breakpoint
CREATE INDEX "scorecard_grants_team_user_idx" ON "scorecard_grants" USING btree ("team_id","user_id");--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_parent_fk" FOREIGN KEY ("team_id","parent_id") REFERENCES "public"."scorecards"("team_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_scorecard_fk" FOREIGN KEY ("team_id","scorecard_id") REFERENCES "public"."scorecards"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scorecards_team_parent_idx" ON "scorecards" USING btree ("team_id","parent_id");--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_not_own_parent" CHECK ("scorecards"."parent_id" is null or "scorecards"."parent_id" <> "scorecards"."id");--> statement-breakpoint
CREATE POLICY "kpi_aggregate_inputs_tenant_isolation" ON "kpi_aggregate_inputs" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "kpi_assignees_tenant_isolation" ON "kpi_assignees" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "objective_contributions_tenant_isolation" ON "objective_contributions" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "scorecard_grants_tenant_isolation" ON "scorecard_grants" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
-- The same second wall as every other tenant table: RLS forced (it binds the owner too) and the app role's grants.
ALTER TABLE "kpi_aggregate_inputs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "kpi_assignees" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "objective_contributions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "scorecard_grants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "kpi_aggregate_inputs", "kpi_assignees", "objective_contributions", "scorecard_grants" TO cairn_app;
