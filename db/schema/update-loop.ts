import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenantKeys, tenantPolicy, timestamps, versionColumn } from "./columns";
import { kpis } from "./scorecards";
import { teams } from "./teams";
import { clock } from "@/lib/clock";

/**
 * When a team's KPI owners are reminded. A team without a row uses the defaults: a heads-up
 * 3 days before a period ends and a reminder 1 day after, at 08:00 in the team's time zone.
 */
export const reminderSchedules = pgTable(
  "reminder_schedules",
  {
    ...tenantKeys(),
    enabled: boolean("enabled").notNull().default(true),
    /** Days before a period ends to send the heads-up; null sends none. */
    daysBefore: smallint("days_before").default(3),
    /** Days after a period ends to remind owners whose value is still missing; null sends none. */
    daysAfter: smallint("days_after").default(1),
    /** Hour of the day (team time zone) at which scheduled reminders go out. */
    sendHour: smallint("send_hour").notNull().default(8),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "reminder_schedules_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    uniqueIndex("reminder_schedules_team_key").on(t.teamId),
    check("reminder_schedules_days_before_range", sql`${t.daysBefore} is null or ${t.daysBefore} between 0 and 30`),
    check("reminder_schedules_days_after_range", sql`${t.daysAfter} is null or ${t.daysAfter} between 1 and 30`),
    check("reminder_schedules_send_hour_range", sql`${t.sendHour} between 0 and 23`),
    tenantPolicy("reminder_schedules"),
  ],
);
export type ReminderSchedule = typeof reminderSchedules.$inferSelect;

/**
 * One reminder e-mail to one owner in one run. The unique key makes "one e-mail per owner per
 * run" a fact of the database: a job run twice (two workers, a retry) cannot send it again.
 */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    ...tenantKeys(),
    /** "scheduled:<team date>" for the day's scheduled run, "manual:<job id>" for "send reminders now". */
    runKey: text("run_key").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    itemCount: integer("item_count").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "reminder_deliveries_team_fk", columns: [t.teamId], foreignColumns: [teams.id] }).onDelete("cascade"),
    uniqueIndex("reminder_deliveries_team_run_user_key").on(t.teamId, t.runKey, t.userId),
    index("reminder_deliveries_team_sent_idx").on(t.teamId, t.sentAt),
    tenantPolicy("reminder_deliveries"),
  ],
);
export type ReminderDelivery = typeof reminderDeliveries.$inferSelect;

/**
 * Update links that have been used. The id is the link's nonce: a second use of the same link
 * collides on the primary key, in the same transaction that would have saved its value.
 */
export const updateLinkUses = pgTable(
  "update_link_uses",
  {
    teamId: uuid("team_id").notNull(),
    id: uuid("id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    period: date("period", { mode: "string" }).notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    measurementId: uuid("measurement_id"),
    usedAt: timestamp("used_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "update_link_uses_kpi_fk", columns: [t.teamId, t.kpiId], foreignColumns: [kpis.teamId, kpis.id] }).onDelete("cascade"),
    index("update_link_uses_team_kpi_idx").on(t.teamId, t.kpiId),
    tenantPolicy("update_link_uses"),
  ],
);
export type UpdateLinkUse = typeof updateLinkUses.$inferSelect;

/**
 * Why a KPI is off track in one period ("red needs a reason"), and the follow-up action someone
 * was given, if any. Kept apart from the measurement so explaining a value never bumps its version.
 */
export const kpiExplanations = pgTable(
  "kpi_explanations",
  {
    ...tenantKeys(),
    kpiId: uuid("kpi_id").notNull(),
    period: date("period", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    actionText: text("action_text"),
    actionOwnerId: uuid("action_owner_id").references(() => users.id, { onDelete: "set null" }),
    actionDueDate: date("action_due_date", { mode: "string" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ name: "kpi_explanations_kpi_fk", columns: [t.teamId, t.kpiId], foreignColumns: [kpis.teamId, kpis.id] }).onDelete("cascade"),
    uniqueIndex("kpi_explanations_team_kpi_period_key").on(t.teamId, t.kpiId, t.period),
    check("kpi_explanations_reason_present", sql`length(${t.reason}) between 1 and 1000`),
    tenantPolicy("kpi_explanations"),
  ],
);
export type KpiExplanation = typeof kpiExplanations.$inferSelect;
