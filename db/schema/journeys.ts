import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenantKeys, tenantPolicy, timestamps, versionColumn } from "./columns";
import { teams } from "./teams";

export const touchpointChannelEnum = pgEnum("touchpoint_channel", [
  "website", "email", "phone", "chat", "in_app", "social", "store", "event", "partner", "sales", "support", "other",
]);
export const stageNoteKindEnum = pgEnum("stage_note_kind", ["pain_point", "opportunity"]);

/** A map of what one persona goes through with the business. */
export const journeys = pgTable(
  "journeys",
  {
    ...tenantKeys(),
    name: text("name").notNull(),
    personaName: text("persona_name").notNull().default(""),
    personaDescription: text("persona_description").notNull().default(""),
    goal: text("goal").notNull().default(""),
    description: text("description").notNull().default(""),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "journeys_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    index("journeys_team_name_idx").on(t.teamId, t.name),
    tenantPolicy("journeys"),
  ],
);
export type Journey = typeof journeys.$inferSelect;

export const stages = pgTable(
  "stages",
  {
    ...tenantKeys(),
    journeyId: uuid("journey_id").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    customerGoal: text("customer_goal").notNull().default(""),
    doing: text("doing").notNull().default(""),
    thinking: text("thinking").notNull().default(""),
    feeling: text("feeling").notNull().default(""),
    /** -2 (very negative) … +2 (very positive); null until someone scores the stage. */
    emotion: smallint("emotion"),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "stages_journey_fk", columns: [t.teamId, t.journeyId], foreignColumns: [journeys.teamId, journeys.id] }).onDelete("cascade"),
    index("stages_team_journey_position_idx").on(t.teamId, t.journeyId, t.position),
    check("stages_emotion_range", sql`${t.emotion} between -2 and 2`),
    tenantPolicy("stages"),
  ],
);
export type Stage = typeof stages.$inferSelect;

export const touchpoints = pgTable(
  "touchpoints",
  {
    ...tenantKeys(),
    stageId: uuid("stage_id").notNull(),
    channel: touchpointChannelEnum("channel").notNull(),
    channelDetail: text("channel_detail").notNull().default(""),
    description: text("description").notNull(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    position: integer("position").notNull(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "touchpoints_stage_fk", columns: [t.teamId, t.stageId], foreignColumns: [stages.teamId, stages.id] }).onDelete("cascade"),
    index("touchpoints_team_stage_position_idx").on(t.teamId, t.stageId, t.position),
    tenantPolicy("touchpoints"),
  ],
);
export type Touchpoint = typeof touchpoints.$inferSelect;

/** Pain points and opportunities: short cards in a stage's lanes. */
export const stageNotes = pgTable(
  "stage_notes",
  {
    ...tenantKeys(),
    stageId: uuid("stage_id").notNull(),
    kind: stageNoteKindEnum("kind").notNull(),
    text: text("text").notNull(),
    position: integer("position").notNull(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "stage_notes_stage_fk", columns: [t.teamId, t.stageId], foreignColumns: [stages.teamId, stages.id] }).onDelete("cascade"),
    index("stage_notes_team_stage_kind_idx").on(t.teamId, t.stageId, t.kind, t.position),
    tenantPolicy("stage_notes"),
  ],
);
export type StageNote = typeof stageNotes.$inferSelect;
