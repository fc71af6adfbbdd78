import { sql } from "drizzle-orm";
import {
  boolean, check, date, doublePrecision, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenantKeys, tenantPolicy, timestamps, versionColumn } from "./columns";
import { journeys, stages } from "./journeys";
import { memberships, teams } from "./teams";
import { clock } from "@/lib/clock";

export const perspectiveKindEnum = pgEnum("perspective_kind", ["financial", "customer", "internal", "learning"]);
export const kpiUnitEnum = pgEnum("kpi_unit", ["percent", "currency", "count", "duration", "score"]);
export const kpiDirectionEnum = pgEnum("kpi_direction", ["up", "down", "range"]);
export const kpiFrequencyEnum = pgEnum("kpi_frequency", ["weekly", "monthly", "quarterly"]);
export const kpiIndicatorEnum = pgEnum("kpi_indicator", ["leading", "lagging"]);
export const kpiSourceEnum = pgEnum("kpi_source", ["manual", "csv", "api"]);
/** How an aggregate KPI takes its value per period from its inputs (#21). */
export const kpiAggregationEnum = pgEnum("kpi_aggregation", ["sum", "average", "weighted_average", "min", "max", "latest"]);
/** A person's role on one scorecard and its descendants, beside their team role. */
export const scorecardRoleEnum = pgEnum("scorecard_role", ["manager", "editor", "viewer"]);
export const initiativeStatusEnum = pgEnum("initiative_status", ["planned", "in_progress", "on_hold", "done", "canceled"]);

export const scorecards = pgTable(
  "scorecards",
  {
    ...tenantKeys(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    journeyId: uuid("journey_id"),
    /** The organisation unit above this one (company → division → department); null at a root. */
    parentId: uuid("parent_id"),
    /** Only people granted on it (or on an ancestor), and team owners/admins, see a restricted scorecard. */
    restricted: boolean("restricted").notNull().default(false),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "scorecards_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    foreignKey({ name: "scorecards_journey_fk", columns: [t.teamId, t.journeyId], foreignColumns: [journeys.teamId, journeys.id] }),
    // No cascade: deleting a unit with children first says what becomes of them (moved up or deleted too).
    foreignKey({ name: "scorecards_parent_fk", columns: [t.teamId, t.parentId], foreignColumns: [t.teamId, t.id] }),
    index("scorecards_team_name_idx").on(t.teamId, t.name),
    index("scorecards_team_parent_idx").on(t.teamId, t.parentId),
    check("scorecards_not_own_parent", sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    tenantPolicy("scorecards"),
  ],
);
export type Scorecard = typeof scorecards.$inferSelect;

export const perspectives = pgTable(
  "perspectives",
  {
    ...tenantKeys(),
    scorecardId: uuid("scorecard_id").notNull(),
    kind: perspectiveKindEnum("kind").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    weight: doublePrecision("weight").notNull().default(1),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "perspectives_scorecard_fk", columns: [t.teamId, t.scorecardId], foreignColumns: [scorecards.teamId, scorecards.id] }).onDelete("cascade"),
    index("perspectives_team_scorecard_idx").on(t.teamId, t.scorecardId, t.position),
    check("perspectives_weight_nonnegative", sql`${t.weight} >= 0`),
    tenantPolicy("perspectives"),
  ],
);
export type Perspective = typeof perspectives.$inferSelect;

export const objectives = pgTable(
  "objectives",
  {
    ...tenantKeys(),
    scorecardId: uuid("scorecard_id").notNull(),
    perspectiveId: uuid("perspective_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    weight: doublePrecision("weight").notNull().default(1),
    position: integer("position").notNull(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "objectives_scorecard_fk", columns: [t.teamId, t.scorecardId], foreignColumns: [scorecards.teamId, scorecards.id] }).onDelete("cascade"),
    foreignKey({ name: "objectives_perspective_fk", columns: [t.teamId, t.perspectiveId], foreignColumns: [perspectives.teamId, perspectives.id] }).onDelete("cascade"),
    index("objectives_team_scorecard_idx").on(t.teamId, t.scorecardId, t.perspectiveId, t.position),
    index("objectives_team_owner_idx").on(t.teamId, t.ownerId),
    check("objectives_weight_nonnegative", sql`${t.weight} >= 0`),
    tenantPolicy("objectives"),
  ],
);
export type Objective = typeof objectives.$inferSelect;

/** The alignment matrix: which journey stages an objective serves (many-to-many). */
export const objectiveStages = pgTable(
  "objective_stages",
  {
    teamId: uuid("team_id").notNull(),
    objectiveId: uuid("objective_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.objectiveId, t.stageId] }),
    foreignKey({ name: "objective_stages_objective_fk", columns: [t.teamId, t.objectiveId], foreignColumns: [objectives.teamId, objectives.id] }).onDelete("cascade"),
    foreignKey({ name: "objective_stages_stage_fk", columns: [t.teamId, t.stageId], foreignColumns: [stages.teamId, stages.id] }).onDelete("cascade"),
    index("objective_stages_team_stage_idx").on(t.teamId, t.stageId),
    tenantPolicy("objective_stages"),
  ],
);

/** Cascade: a child unit's objective contributes to an objective of an ancestor scorecard. */
export const objectiveContributions = pgTable(
  "objective_contributions",
  {
    teamId: uuid("team_id").notNull(),
    objectiveId: uuid("objective_id").notNull(),
    parentObjectiveId: uuid("parent_objective_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.objectiveId, t.parentObjectiveId] }),
    foreignKey({ name: "objective_contributions_objective_fk", columns: [t.teamId, t.objectiveId], foreignColumns: [objectives.teamId, objectives.id] }).onDelete("cascade"),
    foreignKey({ name: "objective_contributions_parent_fk", columns: [t.teamId, t.parentObjectiveId], foreignColumns: [objectives.teamId, objectives.id] }).onDelete("cascade"),
    index("objective_contributions_team_parent_idx").on(t.teamId, t.parentObjectiveId),
    check("objective_contributions_not_self", sql`${t.objectiveId} <> ${t.parentObjectiveId}`),
    tenantPolicy("objective_contributions"),
  ],
);
export type ObjectiveContribution = typeof objectiveContributions.$inferSelect;

/** Strategy map: a cause → effect arrow between two objectives of one scorecard. */
export const objectiveLinks = pgTable(
  "objective_links",
  {
    ...tenantKeys(),
    scorecardId: uuid("scorecard_id").notNull(),
    causeId: uuid("cause_id").notNull(),
    effectId: uuid("effect_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "objective_links_scorecard_fk", columns: [t.teamId, t.scorecardId], foreignColumns: [scorecards.teamId, scorecards.id] }).onDelete("cascade"),
    foreignKey({ name: "objective_links_cause_fk", columns: [t.teamId, t.causeId], foreignColumns: [objectives.teamId, objectives.id] }).onDelete("cascade"),
    foreignKey({ name: "objective_links_effect_fk", columns: [t.teamId, t.effectId], foreignColumns: [objectives.teamId, objectives.id] }).onDelete("cascade"),
    uniqueIndex("objective_links_team_pair_key").on(t.teamId, t.causeId, t.effectId),
    index("objective_links_team_scorecard_idx").on(t.teamId, t.scorecardId),
    check("objective_links_no_self_loop", sql`${t.causeId} <> ${t.effectId}`),
    tenantPolicy("objective_links"),
  ],
);

export const kpis = pgTable(
  "kpis",
  {
    ...tenantKeys(),
    objectiveId: uuid("objective_id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    unit: kpiUnitEnum("unit").notNull(),
    /** ISO 4217 code, required when unit is currency. */
    currency: text("currency"),
    direction: kpiDirectionEnum("direction").notNull(),
    baseline: doublePrecision("baseline"),
    /** For `up`/`down` the target; for `range` the lower bound of the target range. */
    target: doublePrecision("target").notNull(),
    /** Upper bound of the target range (`range` only). */
    targetMax: doublePrecision("target_max"),
    /** For `up`/`down` the red line; for `range` how far outside the range turns red. */
    redThreshold: doublePrecision("red_threshold").notNull(),
    frequency: kpiFrequencyEnum("frequency").notNull(),
    indicator: kpiIndicatorEnum("indicator").notNull(),
    source: kpiSourceEnum("source").notNull().default("manual"),
    /** Set on an aggregate KPI: its values are computed per period from `kpi_aggregate_inputs`, never typed. */
    aggregation: kpiAggregationEnum("aggregation"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    weight: doublePrecision("weight").notNull().default(1),
    position: integer("position").notNull(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "kpis_objective_fk", columns: [t.teamId, t.objectiveId], foreignColumns: [objectives.teamId, objectives.id] }).onDelete("cascade"),
    index("kpis_team_objective_idx").on(t.teamId, t.objectiveId, t.position),
    index("kpis_team_owner_idx").on(t.teamId, t.ownerId),
    check("kpis_weight_nonnegative", sql`${t.weight} >= 0`),
    check("kpis_currency_when_money", sql`(${t.unit} = 'currency') = (${t.currency} is not null)`),
    check(
      "kpis_thresholds_match_direction",
      sql`(${t.direction} = 'up' and ${t.redThreshold} < ${t.target})
        or (${t.direction} = 'down' and ${t.redThreshold} > ${t.target})
        or (${t.direction} = 'range' and ${t.targetMax} >= ${t.target} and ${t.redThreshold} > 0)`,
    ),
    tenantPolicy("kpis"),
  ],
);
export type Kpi = typeof kpis.$inferSelect;

/** The inputs of an aggregate KPI: KPIs of its own or descendant scorecards. */
export const kpiAggregateInputs = pgTable(
  "kpi_aggregate_inputs",
  {
    teamId: uuid("team_id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    inputKpiId: uuid("input_kpi_id").notNull(),
    /** Used by `weighted_average` only. */
    weight: doublePrecision("weight").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.kpiId, t.inputKpiId] }),
    foreignKey({ name: "kpi_aggregate_inputs_kpi_fk", columns: [t.teamId, t.kpiId], foreignColumns: [kpis.teamId, kpis.id] }).onDelete("cascade"),
    foreignKey({ name: "kpi_aggregate_inputs_input_fk", columns: [t.teamId, t.inputKpiId], foreignColumns: [kpis.teamId, kpis.id] }).onDelete("cascade"),
    // "Which aggregates does this value feed?" is asked on every measurement write.
    index("kpi_aggregate_inputs_team_input_idx").on(t.teamId, t.inputKpiId),
    check("kpi_aggregate_inputs_not_self", sql`${t.kpiId} <> ${t.inputKpiId}`),
    check("kpi_aggregate_inputs_weight_positive", sql`${t.weight} > 0`),
    tenantPolicy("kpi_aggregate_inputs"),
  ],
);
export type KpiAggregateInput = typeof kpiAggregateInputs.$inferSelect;

/** Who, besides the owner, enters a KPI's values (a contributor may enter only these and their own). */
export const kpiAssignees = pgTable(
  "kpi_assignees",
  {
    teamId: uuid("team_id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.kpiId, t.userId] }),
    foreignKey({ name: "kpi_assignees_kpi_fk", columns: [t.teamId, t.kpiId], foreignColumns: [kpis.teamId, kpis.id] }).onDelete("cascade"),
    // Through the membership: a person who leaves the team leaves their assignments with it.
    foreignKey({ name: "kpi_assignees_member_fk", columns: [t.teamId, t.userId], foreignColumns: [memberships.teamId, memberships.userId] }).onDelete("cascade"),
    index("kpi_assignees_team_user_idx").on(t.teamId, t.userId),
    tenantPolicy("kpi_assignees"),
  ],
);

/** Per-scorecard access: a grant applies to the scorecard and every descendant. */
export const scorecardGrants = pgTable(
  "scorecard_grants",
  {
    ...tenantKeys(),
    scorecardId: uuid("scorecard_id").notNull(),
    userId: uuid("user_id").notNull(),
    role: scorecardRoleEnum("role").notNull(),
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "scorecard_grants_scorecard_fk", columns: [t.teamId, t.scorecardId], foreignColumns: [scorecards.teamId, scorecards.id] }).onDelete("cascade"),
    foreignKey({ name: "scorecard_grants_member_fk", columns: [t.teamId, t.userId], foreignColumns: [memberships.teamId, memberships.userId] }).onDelete("cascade"),
    uniqueIndex("scorecard_grants_team_scorecard_user_key").on(t.teamId, t.scorecardId, t.userId),
    index("scorecard_grants_team_user_idx").on(t.teamId, t.userId),
    tenantPolicy("scorecard_grants"),
  ],
);
export type ScorecardGrant = typeof scorecardGrants.$inferSelect;

/** One actual value of a KPI for one period, named by the ISO date the period starts. */
export const measurements = pgTable(
  "measurements",
  {
    ...tenantKeys(),
    kpiId: uuid("kpi_id").notNull(),
    period: date("period", { mode: "string" }).notNull(),
    value: doublePrecision("value").notNull(),
    note: text("note").notNull().default(""),
    enteredBy: uuid("entered_by").references(() => users.id, { onDelete: "set null" }),
    /** For a computed value (aggregate KPI): how many of its inputs had a value for the period, of how many. */
    inputsReported: integer("inputs_reported"),
    inputsTotal: integer("inputs_total"),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "measurements_kpi_fk", columns: [t.teamId, t.kpiId], foreignColumns: [kpis.teamId, kpis.id] }).onDelete("cascade"),
    uniqueIndex("measurements_team_kpi_period_key").on(t.teamId, t.kpiId, t.period),
    tenantPolicy("measurements"),
  ],
);
export type Measurement = typeof measurements.$inferSelect;

export const initiatives = pgTable(
  "initiatives",
  {
    ...tenantKeys(),
    objectiveId: uuid("objective_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    startDate: date("start_date", { mode: "string" }),
    dueDate: date("due_date", { mode: "string" }),
    status: initiativeStatusEnum("status").notNull().default("planned"),
    progress: integer("progress").notNull().default(0),
    budget: doublePrecision("budget"),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "initiatives_objective_fk", columns: [t.teamId, t.objectiveId], foreignColumns: [objectives.teamId, objectives.id] }).onDelete("cascade"),
    index("initiatives_team_objective_idx").on(t.teamId, t.objectiveId),
    index("initiatives_team_due_idx").on(t.teamId, t.dueDate),
    check("initiatives_progress_range", sql`${t.progress} between 0 and 100`),
    check("initiatives_dates_ordered", sql`${t.dueDate} is null or ${t.startDate} is null or ${t.dueDate} >= ${t.startDate}`),
    tenantPolicy("initiatives"),
  ],
);
export type Initiative = typeof initiatives.$inferSelect;
