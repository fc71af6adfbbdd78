// Reminder e-mails: who owes which values (per the team's schedule), one e-mail per owner listing
// them with a signed single-use link each, and the admin's "send reminders now". Sending is
// idempotent per run: each owner's e-mail is written to the outbox in the same transaction that
// records the delivery under a unique (team, run, owner) key, so no run reaches anyone twice.
import type { Tx } from "@/db/client";
import { enqueueJob } from "@/lib/jobs/runner";
import {
  claimReminderDelivery, getReminderSchedule, latestValuesByKpi, listOwnedKpis, listOwnerContacts, type LatestValues, type OwnedKpi, type OwnerContact,
} from "@/db/queries/reminders";
import type { ReminderSchedule, Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { authSecret } from "@/lib/auth/session-cookie";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail, type Message } from "@/lib/mail/mailer";
import { updateReminderMessage } from "@/lib/mail/templates";
import { describeTarget } from "@/lib/measurements/grid";
import { formatWithUnit } from "@/lib/measurements/values";
import { formatPeriod, localDate, type TeamCalendar } from "@/lib/periods";
import { DEFAULT_REMINDER_SETTINGS, describeDue, dueItems, type DueItem, type ReminderSettings } from "./due";
import { newLinkClaims, signUpdateLink, updateLinkPath } from "./update-link";

export const REMINDER_SEND_JOB = "reminders.send";
/** "Send reminders now" runs at most once per this many minutes per team. */
export const MANUAL_SEND_INTERVAL_MINUTES = 5;

export interface ReminderEntry {
  owned: OwnedKpi;
  item: DueItem;
  values: LatestValues;
}

export interface OwnerReminder {
  owner: OwnerContact;
  entries: ReminderEntry[];
}

export function reminderSettings(row: Pick<ReminderSchedule, "enabled" | "daysBefore" | "daysAfter" | "sendHour"> | undefined): ReminderSettings {
  return row ? { enabled: row.enabled, daysBefore: row.daysBefore, daysAfter: row.daysAfter, sendHour: row.sendHour } : DEFAULT_REMINDER_SETTINGS;
}

export function teamCalendarOf(team: Pick<Team, "timeZone" | "fiscalYearStartMonth">): TeamCalendar {
  return { timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth };
}

/**
 * What every owner owes on `today`: with `scheduledOnly`, only the items whose reminder day is
 * today; otherwise everything owed now. Owners who left the team or cannot enter values
 * (viewers) are not reminded: they could not act on it.
 */
export async function planTeamReminders(
  tx: Tx,
  ctx: { teamId: string },
  calendar: TeamCalendar,
  today: string,
  options: { scheduledOnly: boolean },
): Promise<{ settings: ReminderSettings; owners: OwnerReminder[] }> {
  const settings = reminderSettings(await getReminderSchedule(tx, ctx));
  const owned = await listOwnedKpis(tx, ctx);
  if (owned.length === 0) return { settings, owners: [] };
  const values = await latestValuesByKpi(tx, ctx, owned.map((o) => o.kpi.id), today);
  const contacts = await listOwnerContacts(tx, ctx, owned.map((o) => o.kpi.ownerId!));
  const byOwner = new Map<string, OwnerReminder>();
  for (const o of owned) {
    const owner = contacts.get(o.kpi.ownerId!);
    if (!owner || !can(owner.role, "measurements.write")) continue;
    const kpiValues = values.get(o.kpi.id) ?? {};
    const items = dueItems({ frequency: o.kpi.frequency, latestPeriod: kpiValues.latest?.period ?? null }, today, calendar, settings, options);
    if (items.length === 0) continue;
    const entry = byOwner.get(owner.userId) ?? { owner, entries: [] };
    for (const item of items) entry.entries.push({ owned: o, item, values: kpiValues });
    byOwner.set(owner.userId, entry);
  }
  return { settings, owners: [...byOwner.values()].sort((a, b) => a.owner.email.localeCompare(b.owner.email)) };
}

const appUrl = () => env().APP_URL.replace(/\/$/, "");

/** One owner's e-mail, each item with a fresh signed link for that KPI and period only. */
export function composeReminder(reminder: OwnerReminder, team: Pick<Team, "id" | "name" | "slug" | "timeZone">, calendar: TeamCalendar, now: Date, secret: string): Message {
  let expiresAt = now;
  const items = reminder.entries.map(({ owned, item, values }) => {
    const { kpi } = owned;
    const claims = newLinkClaims({ teamId: team.id, kpiId: kpi.id, period: item.period, ownerId: reminder.owner.userId }, now);
    expiresAt = claims.expiresAt;
    const last = values.latest ? `last value ${formatWithUnit(values.latest.value, kpi.unit, kpi.currency)} (${formatPeriod(values.latest.period, kpi.frequency, calendar)})` : "no value yet";
    return {
      title: `${kpi.name} (${owned.objectiveTitle})`,
      detail: `${formatPeriod(item.period, kpi.frequency, calendar)} · ${describeDue(item, kpi.frequency, calendar)} · ${last} · target ${describeTarget(kpi)}`,
      url: `${appUrl()}${updateLinkPath(signUpdateLink(claims, secret))}`,
    };
  });
  return updateReminderMessage(reminder.owner.email, {
    teamName: team.name,
    items,
    myUpdatesUrl: `${appUrl()}/t/${team.slug}/my-updates`,
    expiresOn: localDate(expiresAt, team.timeZone),
  });
}

export interface ReminderRunResult {
  /** Owners who owed something. */
  owners: number;
  /** E-mails sent by this run. */
  sent: number;
  /** Owners this run had already reached (an earlier attempt, or another worker). */
  alreadySent: number;
  items: number;
}

/**
 * Sends run `runKey` of a team's reminders. Each owner's delivery is claimed and the e-mail
 * written in one transaction, so running the same run twice — concurrently or after a crash —
 * reaches each owner once.
 */
export async function sendTeamReminders(
  team: Pick<Team, "id" | "name" | "slug" | "timeZone" | "fiscalYearStartMonth">,
  run: { runKey: string; scheduledOnly: boolean; now: Date },
): Promise<ReminderRunResult> {
  const calendar = teamCalendarOf(team);
  const ctx = { teamId: team.id };
  const today = localDate(run.now, team.timeZone);
  const { owners } = await inTeam(team.id, (tx) => planTeamReminders(tx, ctx, calendar, today, { scheduledOnly: run.scheduledOnly }));
  const secret = authSecret();
  const result: ReminderRunResult = { owners: owners.length, sent: 0, alreadySent: 0, items: 0 };
  for (const reminder of owners) {
    const sent = await inTeam(team.id, async (tx) => {
      const claimed = await claimReminderDelivery(tx, ctx, { runKey: run.runKey, userId: reminder.owner.userId, itemCount: reminder.entries.length });
      if (!claimed) return false;
      // The outbox row commits with the delivery row (or neither does).
      await sendMail(composeReminder(reminder, team, calendar, run.now, secret));
      return true;
    });
    if (sent) {
      result.sent++;
      result.items += reminder.entries.length;
    } else result.alreadySent++;
  }
  return result;
}

export interface ReminderRequest {
  jobId: string;
  owners: number;
  items: number;
}

/**
 * An admin's "send reminders now", inside their team transaction: previews who will be
 * reminded and enqueues the run (the caller runs it right after commit). At most one run per
 * MANUAL_SEND_INTERVAL_MINUTES, so a double click cannot mail everyone twice.
 */
export async function requestReminderRun(tx: Tx, ctx: { teamId: string; userId: string | null }, team: Pick<Team, "timeZone" | "fiscalYearStartMonth">, now: Date): Promise<ReminderRequest | { jobId: null; owners: 0; items: 0 }> {
  const calendar = teamCalendarOf(team);
  const { owners } = await planTeamReminders(tx, ctx, calendar, localDate(now, team.timeZone), { scheduledOnly: false });
  if (owners.length === 0) return { jobId: null, owners: 0, items: 0 };
  const slotMs = MANUAL_SEND_INTERVAL_MINUTES * 60_000;
  const slotStart = Math.floor(now.getTime() / slotMs) * slotMs;
  const { job, created } = await enqueueJob({
    kind: REMINDER_SEND_JOB,
    dedupeKey: `reminders:${ctx.teamId}:manual:${new Date(slotStart).toISOString()}`,
    payload: { mode: "manual", teamId: ctx.teamId, requestedBy: ctx.userId },
    runAt: now,
  });
  if (!created) {
    const retryAfter = Math.max(1, Math.ceil((slotStart + slotMs - now.getTime()) / 1000));
    throw new AppError("rate_limited", `Reminders were just sent. You can send them again in ${Math.ceil(retryAfter / 60)} minute${retryAfter > 60 ? "s" : ""}.`, { retryAfter });
  }
  return { jobId: job.id, owners: owners.length, items: owners.reduce((n, o) => n + o.entries.length, 0) };
}
