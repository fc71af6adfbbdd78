CREATE TABLE "kpi_explanations" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kpi_id" uuid NOT NULL,
	"period" date NOT NULL,
	"reason" text NOT NULL,
	"action_text" text,
	"action_owner_id" uuid,
	"action_due_date" date,
	"author_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_explanations_team_id_id_pk" PRIMARY KEY("team_id","id"),
	CONSTRAINT "kpi_explanations_reason_present" CHECK (length("kpi_explanations"."reason") between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "kpi_explanations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"run_key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"item_count" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_deliveries_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reminder_schedules" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"days_before" smallint DEFAULT 3,
	"days_after" smallint DEFAULT 1,
	"send_hour" smallint DEFAULT 8 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_schedules_team_id_id_pk" PRIMARY KEY("team_id","id"),
	CONSTRAINT "reminder_schedules_days_before_range" CHECK ("reminder_schedules"."days_before" is null or "reminder_schedules"."days_before" between 0 and 30),
	CONSTRAINT "reminder_schedules_days_after_range" CHECK ("reminder_schedules"."days_after" is null or "reminder_schedules"."days_after" between 1 and 30),
	CONSTRAINT "reminder_schedules_send_hour_range" CHECK ("reminder_schedules"."send_hour" between 0 and 23)
);
--> statement-breakpoint
ALTER TABLE "reminder_schedules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "update_link_uses" (
	"team_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"period" date NOT NULL,
	"user_id" uuid,
	"measurement_id" uuid,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "update_link_uses_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "update_link_uses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "locked_by" text;--> statement-breakpoint
ALTER TABLE "kpi_explanations" ADD CONSTRAINT "kpi_explanations_action_owner_id_users_id_fk" FOREIGN KEY ("action_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_explanations" ADD CONSTRAINT "kpi_explanations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_explanations" ADD CONSTRAINT "kpi_explanations_kpi_fk" FOREIGN KEY ("team_id","kpi_id") REFERENCES "public"."kpis"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_schedules" ADD CONSTRAINT "reminder_schedules_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_link_uses" ADD CONSTRAINT "update_link_uses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_link_uses" ADD CONSTRAINT "update_link_uses_kpi_fk" FOREIGN KEY ("team_id","kpi_id") REFERENCES "public"."kpis"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_explanations_team_kpi_period_key" ON "kpi_explanations" USING btree ("team_id","kpi_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_team_run_user_key" ON "reminder_deliveries" USING btree ("team_id","run_key","user_id");--> statement-breakpoint
CREATE INDEX "reminder_deliveries_team_sent_idx" ON "reminder_deliveries" USING btree ("team_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_schedules_team_key" ON "reminder_schedules" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "update_link_uses_team_kpi_idx" ON "update_link_uses" USING btree ("team_id","kpi_id");--> statement-breakpoint
CREATE POLICY "kpi_explanations_tenant_isolation" ON "kpi_explanations" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "reminder_deliveries_tenant_isolation" ON "reminder_deliveries" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "reminder_schedules_tenant_isolation" ON "reminder_schedules" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "update_link_uses_tenant_isolation" ON "update_link_uses" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);