CREATE TYPE "public"."plan" AS ENUM('free', 'team', 'business');--> statement-breakpoint
CREATE TYPE "public"."team_role" AS ENUM('owner', 'admin', 'editor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."subscription_status" AS ENUM('none', 'trialing', 'active', 'past_due', 'unpaid', 'canceled', 'incomplete', 'incomplete_expired', 'paused');--> statement-breakpoint
CREATE TYPE "public"."stage_note_kind" AS ENUM('pain_point', 'opportunity');--> statement-breakpoint
CREATE TYPE "public"."touchpoint_channel" AS ENUM('website', 'email', 'phone', 'chat', 'in_app', 'social', 'store', 'event', 'partner', 'sales', 'support', 'other');--> statement-breakpoint
CREATE TYPE "public"."initiative_status" AS ENUM('planned', 'in_progress', 'on_hold', 'done', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."kpi_direction" AS ENUM('up', 'down', 'range');--> statement-breakpoint
CREATE TYPE "public"."kpi_frequency" AS ENUM('weekly', 'monthly', 'quarterly');--> statement-breakpoint
CREATE TYPE "public"."kpi_indicator" AS ENUM('leading', 'lagging');--> statement-breakpoint
CREATE TYPE "public"."kpi_source" AS ENUM('manual', 'csv', 'api');--> statement-breakpoint
CREATE TYPE "public"."kpi_unit" AS ENUM('percent', 'currency', 'count', 'duration', 'score');--> statement-breakpoint
CREATE TYPE "public"."perspective_kind" AS ENUM('financial', 'customer', 'internal', 'learning');--> statement-breakpoint
CREATE TYPE "public"."entity_type" AS ENUM('team', 'membership', 'invitation', 'journey', 'stage', 'touchpoint', 'stage_note', 'scorecard', 'perspective', 'objective', 'objective_link', 'kpi', 'measurement', 'initiative', 'comment', 'share_link', 'api_key');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('mention', 'assignment', 'kpi_due');--> statement-breakpoint
CREATE TYPE "public"."api_scope" AS ENUM('read', 'write');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"password_hash" text,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"role" "team_role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memberships" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "team_role" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"fiscal_year_start_month" smallint DEFAULT 1 NOT NULL,
	"plan" "plan" DEFAULT 'free' NOT NULL,
	"stripe_customer_id" text,
	"stripe_subscription_id" text,
	"subscription_status" "subscription_status" DEFAULT 'none' NOT NULL,
	"paid_seats" integer DEFAULT 0 NOT NULL,
	"current_period_end" timestamp with time zone,
	"past_due_since" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_fiscal_month_range" CHECK ("teams"."fiscal_year_start_month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"persona_name" text DEFAULT '' NOT NULL,
	"persona_description" text DEFAULT '' NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journeys_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "journeys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stage_notes" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"stage_id" uuid NOT NULL,
	"kind" "stage_note_kind" NOT NULL,
	"text" text NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stage_notes_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "stage_notes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stages" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"customer_goal" text DEFAULT '' NOT NULL,
	"doing" text DEFAULT '' NOT NULL,
	"thinking" text DEFAULT '' NOT NULL,
	"feeling" text DEFAULT '' NOT NULL,
	"emotion" smallint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stages_team_id_id_pk" PRIMARY KEY("team_id","id"),
	CONSTRAINT "stages_emotion_range" CHECK ("stages"."emotion" between -2 and 2)
);
--> statement-breakpoint
ALTER TABLE "stages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"stage_id" uuid NOT NULL,
	"channel" "touchpoint_channel" NOT NULL,
	"channel_detail" text DEFAULT '' NOT NULL,
	"description" text NOT NULL,
	"owner_id" uuid,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touchpoints_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "touchpoints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "initiatives" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"objective_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"start_date" date,
	"due_date" date,
	"status" "initiative_status" DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"budget" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiatives_team_id_id_pk" PRIMARY KEY("team_id","id"),
	CONSTRAINT "initiatives_progress_range" CHECK ("initiatives"."progress" between 0 and 100),
	CONSTRAINT "initiatives_dates_ordered" CHECK ("initiatives"."due_date" is null or "initiatives"."start_date" is null or "initiatives"."due_date" >= "initiatives"."start_date")
);
--> statement-breakpoint
ALTER TABLE "initiatives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpis" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"objective_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit" "kpi_unit" NOT NULL,
	"currency" text,
	"direction" "kpi_direction" NOT NULL,
	"baseline" double precision,
	"target" double precision NOT NULL,
	"target_max" double precision,
	"red_threshold" double precision NOT NULL,
	"frequency" "kpi_frequency" NOT NULL,
	"indicator" "kpi_indicator" NOT NULL,
	"source" "kpi_source" DEFAULT 'manual' NOT NULL,
	"owner_id" uuid,
	"weight" double precision DEFAULT 1 NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpis_team_id_id_pk" PRIMARY KEY("team_id","id"),
	CONSTRAINT "kpis_weight_nonnegative" CHECK ("kpis"."weight" >= 0),
	CONSTRAINT "kpis_currency_when_money" CHECK (("kpis"."unit" = 'currency') = ("kpis"."currency" is not null)),
	CONSTRAINT "kpis_thresholds_match_direction" CHECK (("kpis"."direction" = 'up' and "kpis"."red_threshold" < "kpis"."target")
        or ("kpis"."direction" = 'down' and "kpis"."red_threshold" > "kpis"."target")
        or ("kpis"."direction" = 'range' and "kpis"."target_max" >= "kpis"."target" and "kpis"."red_threshold" > 0))
);
--> statement-breakpoint
ALTER TABLE "kpis" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "measurements" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kpi_id" uuid NOT NULL,
	"period" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measurements_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "measurements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "objective_links" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"cause_id" uuid NOT NULL,
	"effect_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_links_team_id_id_pk" PRIMARY KEY("team_id","id"),
	CONSTRAINT "objective_links_no_self_loop" CHECK ("objective_links"."cause_id" <> "objective_links"."effect_id")
);
--> statement-breakpoint
ALTER TABLE "objective_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "objective_stages" (
	"team_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_stages_team_id_objective_id_stage_id_pk" PRIMARY KEY("team_id","objective_id","stage_id")
);
--> statement-breakpoint
ALTER TABLE "objective_stages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "objectives" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"perspective_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"weight" double precision DEFAULT 1 NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objectives_team_id_id_pk" PRIMARY KEY("team_id","id"),
	CONSTRAINT "objectives_weight_nonnegative" CHECK ("objectives"."weight" >= 0)
);
--> statement-breakpoint
ALTER TABLE "objectives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "perspectives" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"kind" "perspective_kind" NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "perspectives_team_id_id_pk" PRIMARY KEY("team_id","id"),
	CONSTRAINT "perspectives_weight_nonnegative" CHECK ("perspectives"."weight" >= 0)
);
--> statement-breakpoint
ALTER TABLE "perspectives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scorecards" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"journey_id" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecards_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "scorecards" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "activity" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "activity_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" uuid,
	"entity_type" "entity_type" NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"field" text,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "activity" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "comments" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" "entity_type" NOT NULL,
	"entity_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"mentions" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "comments_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"entity_type" "entity_type" NOT NULL,
	"entity_id" uuid NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "api_keys" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" "api_scope"[] NOT NULL,
	"created_by" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_keys_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "share_links" (
	"team_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"view_count" integer DEFAULT 0 NOT NULL,
	"last_viewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "share_links_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "share_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "jobs_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "outbox_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "rate_limit_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_tokens" ADD CONSTRAINT "verification_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_notes" ADD CONSTRAINT "stage_notes_stage_fk" FOREIGN KEY ("team_id","stage_id") REFERENCES "public"."stages"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_journey_fk" FOREIGN KEY ("team_id","journey_id") REFERENCES "public"."journeys"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_stage_fk" FOREIGN KEY ("team_id","stage_id") REFERENCES "public"."stages"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_objective_fk" FOREIGN KEY ("team_id","objective_id") REFERENCES "public"."objectives"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_objective_fk" FOREIGN KEY ("team_id","objective_id") REFERENCES "public"."objectives"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_kpi_fk" FOREIGN KEY ("team_id","kpi_id") REFERENCES "public"."kpis"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_scorecard_fk" FOREIGN KEY ("team_id","scorecard_id") REFERENCES "public"."scorecards"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_cause_fk" FOREIGN KEY ("team_id","cause_id") REFERENCES "public"."objectives"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_effect_fk" FOREIGN KEY ("team_id","effect_id") REFERENCES "public"."objectives"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_stages" ADD CONSTRAINT "objective_stages_objective_fk" FOREIGN KEY ("team_id","objective_id") REFERENCES "public"."objectives"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_stages" ADD CONSTRAINT "objective_stages_stage_fk" FOREIGN KEY ("team_id","stage_id") REFERENCES "public"."stages"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_scorecard_fk" FOREIGN KEY ("team_id","scorecard_id") REFERENCES "public"."scorecards"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_perspective_fk" FOREIGN KEY ("team_id","perspective_id") REFERENCES "public"."perspectives"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perspectives" ADD CONSTRAINT "perspectives_scorecard_fk" FOREIGN KEY ("team_id","scorecard_id") REFERENCES "public"."scorecards"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_journey_fk" FOREIGN KEY ("team_id","journey_id") REFERENCES "public"."journeys"("team_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_scorecard_fk" FOREIGN KEY ("team_id","scorecard_id") REFERENCES "public"."scorecards"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_user_idx" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_tokens_token_hash_key" ON "verification_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "verification_tokens_user_idx" ON "verification_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_team_token_key" ON "invitations" USING btree ("team_id","token_hash");--> statement-breakpoint
CREATE INDEX "invitations_team_email_idx" ON "invitations" USING btree ("team_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_team_user_key" ON "memberships" USING btree ("team_id","user_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_slug_key" ON "teams" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_stripe_customer_key" ON "teams" USING btree ("stripe_customer_id");--> statement-breakpoint
CREATE INDEX "journeys_team_name_idx" ON "journeys" USING btree ("team_id","name");--> statement-breakpoint
CREATE INDEX "stage_notes_team_stage_kind_idx" ON "stage_notes" USING btree ("team_id","stage_id","kind","position");--> statement-breakpoint
CREATE INDEX "stages_team_journey_position_idx" ON "stages" USING btree ("team_id","journey_id","position");--> statement-breakpoint
CREATE INDEX "touchpoints_team_stage_position_idx" ON "touchpoints" USING btree ("team_id","stage_id","position");--> statement-breakpoint
CREATE INDEX "initiatives_team_objective_idx" ON "initiatives" USING btree ("team_id","objective_id");--> statement-breakpoint
CREATE INDEX "initiatives_team_due_idx" ON "initiatives" USING btree ("team_id","due_date");--> statement-breakpoint
CREATE INDEX "kpis_team_objective_idx" ON "kpis" USING btree ("team_id","objective_id","position");--> statement-breakpoint
CREATE INDEX "kpis_team_owner_idx" ON "kpis" USING btree ("team_id","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_team_kpi_period_key" ON "measurements" USING btree ("team_id","kpi_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "objective_links_team_pair_key" ON "objective_links" USING btree ("team_id","cause_id","effect_id");--> statement-breakpoint
CREATE INDEX "objective_links_team_scorecard_idx" ON "objective_links" USING btree ("team_id","scorecard_id");--> statement-breakpoint
CREATE INDEX "objective_stages_team_stage_idx" ON "objective_stages" USING btree ("team_id","stage_id");--> statement-breakpoint
CREATE INDEX "objectives_team_scorecard_idx" ON "objectives" USING btree ("team_id","scorecard_id","perspective_id","position");--> statement-breakpoint
CREATE INDEX "objectives_team_owner_idx" ON "objectives" USING btree ("team_id","owner_id");--> statement-breakpoint
CREATE INDEX "perspectives_team_scorecard_idx" ON "perspectives" USING btree ("team_id","scorecard_id","position");--> statement-breakpoint
CREATE INDEX "scorecards_team_name_idx" ON "scorecards" USING btree ("team_id","name");--> statement-breakpoint
CREATE INDEX "activity_team_seq_idx" ON "activity" USING btree ("team_id","seq");--> statement-breakpoint
CREATE INDEX "activity_team_entity_idx" ON "activity" USING btree ("team_id","entity_type","entity_id","seq");--> statement-breakpoint
CREATE INDEX "comments_team_entity_idx" ON "comments" USING btree ("team_id","entity_type","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_team_user_idx" ON "notifications" USING btree ("team_id","user_id","read_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_team_hash_key" ON "api_keys" USING btree ("team_id","key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_team_created_idx" ON "api_keys" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "share_links_team_token_key" ON "share_links" USING btree ("team_id","token_hash");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at");--> statement-breakpoint
CREATE INDEX "outbox_emails_to_idx" ON "outbox_emails" USING btree ("to","created_at");--> statement-breakpoint
CREATE INDEX "rate_limit_buckets_reset_idx" ON "rate_limit_buckets" USING btree ("reset_at");--> statement-breakpoint
CREATE POLICY "invitations_tenant_isolation" ON "invitations" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "memberships_tenant_isolation" ON "memberships" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "journeys_tenant_isolation" ON "journeys" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "stage_notes_tenant_isolation" ON "stage_notes" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "stages_tenant_isolation" ON "stages" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "touchpoints_tenant_isolation" ON "touchpoints" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "initiatives_tenant_isolation" ON "initiatives" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "kpis_tenant_isolation" ON "kpis" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "measurements_tenant_isolation" ON "measurements" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "objective_links_tenant_isolation" ON "objective_links" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "objective_stages_tenant_isolation" ON "objective_stages" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "objectives_tenant_isolation" ON "objectives" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "perspectives_tenant_isolation" ON "perspectives" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "scorecards_tenant_isolation" ON "scorecards" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "activity_tenant_isolation" ON "activity" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "comments_tenant_isolation" ON "comments" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "notifications_tenant_isolation" ON "notifications" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "api_keys_tenant_isolation" ON "api_keys" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "share_links_tenant_isolation" ON "share_links" AS PERMISSIVE FOR ALL TO public USING (team_id = nullif(current_setting('app.team_id', true), '')::uuid) WITH CHECK (team_id = nullif(current_setting('app.team_id', true), '')::uuid);