// Reminders against the seeded demo: the hourly planner gives each team one run per local day
// however many instances plan; two workers racing over the same tick send exactly one e-mail per
// owner (truly concurrently on PostgreSQL); a run repeated after a crash sends nothing twice;
// each e-mail lists the owner's due KPIs with a signed link each; viewers and former members
// are not reminded; the send hour is respected; and an admin's "send reminders now".
import { and, eq, gte, like } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/settings/reminders/actions";
import { clock } from "@/lib/clock";
import "@/lib/update-loop/reminder-jobs";
import { getDbHandle } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { jobs, kpis, memberships, outboxEmails, reminderDeliveries, reminderSchedules, teams, type Team, type User } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";
import { enqueueRecurringJobs, runDueJobs, runJobNow } from "@/lib/jobs/runner";
import { currentPeriod, localDate, periodEnd, type TeamCalendar } from "@/lib/periods";
import { scheduledRunKey, REMINDER_PLAN_JOB } from "@/lib/update-loop/reminder-jobs";
import { planTeamReminders, REMINDER_SEND_JOB, sendTeamReminders } from "@/lib/update-loop/reminders";
import { verifyUpdateLink } from "@/lib/update-loop/update-link";
import { zonedInstant } from "@/lib/update-loop/zoned-time";

let acme: Team;
let calendar: TeamCalendar;
let people: Record<"owner" | "admin" | "editor" | "viewer", User>;
let testStart: Date;

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

async function run(name: string, user: User | null, input: Record<string, unknown>): Promise<ActionResult> {
  return actionRegistry.get(name)!.runAs(user, input);
}

/** Reminder e-mails written since the test began, by recipient. */
async function reminderMail(): Promise<Map<string, Array<typeof outboxEmails.$inferSelect>>> {
  const { db } = await getDbHandle();
  const rows = await db
    .select()
    .from(outboxEmails)
    .where(and(gte(outboxEmails.createdAt, testStart), like(outboxEmails.subject, "%update in Acme Outdoor")));
  const byTo = new Map<string, Array<typeof outboxEmails.$inferSelect>>();
  for (const row of rows) byTo.set(row.to, [...(byTo.get(row.to) ?? []), row]);
  return byTo;
}

async function setSchedule(values: Partial<typeof reminderSchedules.$inferInsert>) {
  await inTeam(acme.id, async (tx) => {
    await tx
      .insert(reminderSchedules)
      .values({ teamId: acme.id, ...values })
      .onConflictDoUpdate({ target: reminderSchedules.teamId, set: { enabled: true, daysBefore: 3, daysAfter: 1, sendHour: 8, ...values } });
  });
}

/** A heads-up today for every monthly KPI without a value this month: N = days left in the month. */
function daysLeftInMonth(now: Date): number {
  const today = localDate(now, calendar.timeZone);
  return dayNumber(periodEnd(currentPeriod(now, "monthly", calendar), "monthly", calendar)) - dayNumber(today);
}

async function expectedOwners(now: Date, scheduledOnly: boolean) {
  const plan = await inTeam(acme.id, (tx) => planTeamReminders(tx, { teamId: acme.id }, calendar, localDate(now, calendar.timeZone), { scheduledOnly }));
  return new Map(plan.owners.map((o) => [o.owner.email, o.entries]));
}

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  calendar = { timeZone: acme.timeZone, fiscalYearStartMonth: acme.fiscalYearStartMonth };
  const user = async (email: string) => (await findUserByEmail(email))!;
  people = { owner: await user("owner@acme.test"), admin: await user("admin@acme.test"), editor: await user("editor@acme.test"), viewer: await user("viewer@acme.test") };
  // The seed is current except one stale KPI (the owner's): give the editor a KPI never measured.
  await inTeam(acme.id, async (tx) => {
    const [anyKpi] = await tx.select().from(kpis).where(eq(kpis.teamId, acme.id)).limit(1);
    await tx.insert(kpis).values({
      teamId: acme.id, objectiveId: anyKpi!.objectiveId, name: "Trail guide bookings", unit: "count", direction: "up", target: 40, redThreshold: 20,
      frequency: "weekly", indicator: "leading", position: 99, ownerId: people.editor.id,
    });
  });
});

beforeEach(async () => {
  const { db } = await getDbHandle();
  // Each test starts with an empty queue: a digest or housekeeping slot enqueued by an earlier
  // test would otherwise be due at some of the instants a test picks.
  await db.delete(jobs);
  await inTeam(acme.id, (tx) => tx.delete(reminderDeliveries).where(eq(reminderDeliveries.teamId, acme.id)));
  testStart = new Date(clock.nowMs() - 1000);
  await db.delete(outboxEmails).where(like(outboxEmails.subject, "%update in Acme Outdoor"));
});

describe("the reminder tick", () => {
  it("is planned once per team and local day, however many instances plan it", async () => {
    const now = clock.now();
    await Promise.all([enqueueRecurringJobs(now), enqueueRecurringJobs(now)]);
    const { db } = await getDbHandle();
    const plans = await db.select().from(jobs).where(eq(jobs.kind, REMINDER_PLAN_JOB));
    expect(plans).toHaveLength(1);
    await Promise.all([runJobNow({ jobId: plans[0]!.id, workerId: "planner-a", now }), runJobNow({ jobId: plans[0]!.id, workerId: "planner-b", now })]);
    // A second instance planning the same day adds nothing.
    await enqueueRecurringJobs(now);
    const sends = await db.select().from(jobs).where(eq(jobs.kind, REMINDER_SEND_JOB));
    expect(sends.map((s) => s.dedupeKey)).toContain(scheduledRunKey(acme.id, localDate(now, acme.timeZone)));
    expect(new Set(sends.map((s) => s.dedupeKey)).size).toBe(sends.length);
  });

  it("run by two workers at once sends exactly one e-mail per owner", async () => {
    const now = clock.now();
    await setSchedule({ daysBefore: daysLeftInMonth(now), daysAfter: 1, sendHour: 0 });
    const expected = await expectedOwners(now, true);
    expect(expected.size).toBeGreaterThan(0);

    // Both instances tick: each enqueues the hour's planner slot and runs it (one of them does).
    await Promise.all([enqueueRecurringJobs(now), enqueueRecurringJobs(now)]);
    const { db } = await getDbHandle();
    const [plan] = await db.select().from(jobs).where(eq(jobs.kind, REMINDER_PLAN_JOB));
    await Promise.all([runJobNow({ jobId: plan!.id, workerId: "instance-a", now }), runJobNow({ jobId: plan!.id, workerId: "instance-b", now })]);
    // Then both race for the team's send job from a standing start (on PostgreSQL, two connections at once).
    const [a, b] = await Promise.all([runDueJobs({ workerId: "instance-a", now }), runDueJobs({ workerId: "instance-b", now })]);
    const sendRuns = [...a.runs, ...b.runs].filter((r) => r.dedupeKey === scheduledRunKey(acme.id, localDate(now, acme.timeZone)));
    expect(sendRuns.map((r) => r.outcome)).toEqual(["done"]);
    const [sendJob] = await db.select().from(jobs).where(eq(jobs.dedupeKey, scheduledRunKey(acme.id, localDate(now, acme.timeZone))));
    expect(sendJob).toMatchObject({ attempts: 1 });
    expect(["instance-a", "instance-b"]).toContain(sendJob!.lockedBy);

    const mail = await reminderMail();
    expect([...mail.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [to, messages] of mail) expect(messages, to).toHaveLength(1);

    // The recorded deliveries agree: one per owner for the day's run.
    const deliveries = await inTeam(acme.id, (tx) => tx.select().from(reminderDeliveries).where(eq(reminderDeliveries.teamId, acme.id)));
    expect(deliveries).toHaveLength(expected.size);
    expect(new Set(deliveries.map((d) => d.runKey))).toEqual(new Set([`scheduled:${localDate(now, acme.timeZone)}`]));
  });

  it("sends nothing twice when the same run is executed twice concurrently (a retry racing a slow worker)", async () => {
    const now = clock.now();
    const expected = await expectedOwners(now, false);
    const runKey = `manual:test-${now.getTime()}`;
    const [first, second] = await Promise.all([sendTeamReminders(acme, { runKey, scheduledOnly: false, now }), sendTeamReminders(acme, { runKey, scheduledOnly: false, now })]);
    expect(first.sent + second.sent).toBe(expected.size);
    expect(first.alreadySent + second.alreadySent).toBe(expected.size);
    const mail = await reminderMail();
    expect(mail.size).toBe(expected.size);
    for (const [to, messages] of mail) expect(messages, to).toHaveLength(1);
  });

  it("waits for the team's send hour, then sends", async () => {
    await setSchedule({ daysBefore: 3, daysAfter: 1, sendHour: 20 });
    const today = localDate(clock.now(), acme.timeZone);
    const morning = zonedInstant(today, 7, acme.timeZone);
    const { db } = await getDbHandle();
    await db.insert(jobs).values({ kind: REMINDER_SEND_JOB, dedupeKey: scheduledRunKey(acme.id, today), payload: { mode: "scheduled", teamId: acme.id, date: today }, runAt: morning });
    const { runs } = await runDueJobs({ workerId: "w", now: morning });
    expect(runs.map((r) => r.outcome)).toEqual(["waiting"]);
    const [job] = await db.select().from(jobs).where(eq(jobs.dedupeKey, scheduledRunKey(acme.id, today)));
    expect(job!.runAt.toISOString()).toBe(zonedInstant(today, 20, acme.timeZone).toISOString());
    expect(job!.attempts).toBe(0);
    expect((await runDueJobs({ workerId: "w", now: new Date(morning.getTime() + 3_600_000) })).runs).toEqual([]);
  });

  it("sends nothing on schedule when reminders are switched off", async () => {
    const now = clock.now();
    await setSchedule({ enabled: false, daysBefore: daysLeftInMonth(now), sendHour: 0 });
    const { db } = await getDbHandle();
    const today = localDate(now, acme.timeZone);
    await db.insert(jobs).values({ kind: REMINDER_SEND_JOB, dedupeKey: scheduledRunKey(acme.id, today), payload: { mode: "scheduled", teamId: acme.id, date: today }, runAt: now });
    expect((await runDueJobs({ workerId: "w", now })).runs.map((r) => r.outcome)).toEqual(["done"]);
    expect((await reminderMail()).size).toBe(0);
    await setSchedule({ enabled: true });
  });
});

describe("the reminder e-mail", () => {
  it("lists each of the owner's due KPIs once, with a signed link for that KPI, period and owner", async () => {
    const now = clock.now();
    const expected = await expectedOwners(now, false);
    await sendTeamReminders(acme, { runKey: `manual:content-${now.getTime()}`, scheduledOnly: false, now });
    const mail = await reminderMail();
    expect(mail.size).toBe(expected.size);
    for (const [email, entries] of expected) {
      const [message] = mail.get(email)!;
      const links = [...message!.text.matchAll(/http:\/\/localhost:3000\/u\/(\S+)/g)].map((m) => m[1]!);
      expect(links).toHaveLength(entries.length);
      const owner = (await findUserByEmail(email))!;
      const claimed = links.map((token) => {
        const verified = verifyUpdateLink(token, process.env.AUTH_SECRET!, now);
        expect(verified.ok).toBe(true);
        return verified.ok ? verified.claims : null;
      });
      expect(claimed.map((c) => `${c!.kpiId}|${c!.period}`).sort()).toEqual(entries.map((e) => `${e.owned.kpi.id}|${e.item.period}`).sort());
      for (const c of claimed) expect(c).toMatchObject({ teamId: acme.id, ownerId: owner.id });
      // Every nonce differs: each link is its own single use.
      expect(new Set(claimed.map((c) => c!.nonce)).size).toBe(claimed.length);
      for (const { owned } of entries) expect(message!.text).toContain(owned.kpi.name);
      expect(message!.text).toContain("/t/acme/my-updates");
    }
    // The stale KPI (owned by the owner) is among them.
    expect([...(expected.get("owner@acme.test") ?? [])].some((e) => e.item.kind === "overdue")).toBe(true);
  });

  it("is not sent to viewers or former members who own KPIs", async () => {
    const now = clock.now();
    const before = await expectedOwners(now, false);
    const editorEntries = before.get("editor@acme.test");
    expect(editorEntries?.length).toBeGreaterThan(0);
    const editorMembership = await inTeam(acme.id, async (tx) => (await tx.select().from(memberships).where(and(eq(memberships.teamId, acme.id), eq(memberships.userId, people.editor.id))))[0]!);
    await inTeam(acme.id, (tx) => tx.update(memberships).set({ role: "viewer" }).where(eq(memberships.id, editorMembership.id)));
    expect((await expectedOwners(now, false)).has("editor@acme.test")).toBe(false);
    await inTeam(acme.id, (tx) => tx.delete(memberships).where(eq(memberships.id, editorMembership.id)));
    expect((await expectedOwners(now, false)).has("editor@acme.test")).toBe(false);
    await inTeam(acme.id, (tx) => tx.insert(memberships).values({ teamId: acme.id, userId: people.editor.id, role: "editor" }));
    expect((await expectedOwners(now, false)).get("editor@acme.test")).toHaveLength(editorEntries!.length);
  });

  it("leaves KPIs without an owner out", async () => {
    const now = clock.now();
    const before = await expectedOwners(now, false);
    const total = [...before.values()].reduce((n, e) => n + e.length, 0);
    const [first] = before.get("owner@acme.test")!;
    await inTeam(acme.id, (tx) => tx.update(kpis).set({ ownerId: null }).where(and(eq(kpis.teamId, acme.id), eq(kpis.id, first!.owned.kpi.id))));
    const after = await expectedOwners(now, false);
    expect([...after.values()].reduce((n, e) => n + e.length, 0)).toBe(total - before.get("owner@acme.test")!.filter((e) => e.owned.kpi.id === first!.owned.kpi.id).length);
    await inTeam(acme.id, (tx) => tx.update(kpis).set({ ownerId: people.owner.id }).where(and(eq(kpis.teamId, acme.id), eq(kpis.id, first!.owned.kpi.id))));
  });
});

describe("send reminders now", () => {
  it("mails every owner what they owe at once, and refuses a second click within minutes", async () => {
    const expected = await expectedOwners(clock.now(), false);
    const result = await run("reminders.sendNow", people.admin, { team: "acme" });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect((result as { data: unknown }).data).toEqual({ owners: expected.size, items: [...expected.values()].reduce((n, e) => n + e.length, 0) });
    const mail = await reminderMail();
    expect([...mail.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [to, messages] of mail) expect(messages, to).toHaveLength(1);

    const again = await run("reminders.sendNow", people.owner, { team: "acme" });
    expect(again).toMatchObject({ ok: false, status: 429 });
    expect((await reminderMail()).size).toBe(expected.size);
  });

  it("is refused to editors and viewers (403), and to anyone outside the team (404)", async () => {
    expect(await run("reminders.sendNow", people.editor, { team: "acme" })).toMatchObject({ ok: false, status: 403 });
    expect(await run("reminders.sendNow", people.viewer, { team: "acme" })).toMatchObject({ ok: false, status: 403 });
    expect(await run("reminders.sendNow", (await findUserByEmail("owner@globex.test"))!, { team: "acme" })).toMatchObject({ ok: false, status: 404 });
    expect(await run("reminders.sendNow", null, { team: "acme" })).toMatchObject({ ok: false, status: 401 });
  });
});

describe("the reminder schedule", () => {
  it("is saved by admins, conditional on the version they saw, with field-level errors", async () => {
    await inTeam(acme.id, (tx) => tx.delete(reminderSchedules).where(eq(reminderSchedules.teamId, acme.id)));
    const saved = await run("reminders.schedule", people.admin, { team: "acme", enabled: "on", daysBefore: "5", daysAfter: "", sendHour: "9", version: "" });
    expect(saved).toMatchObject({ ok: true, data: { enabled: true, daysBefore: 5, daysAfter: null, sendHour: 9, version: 1 } });
    const stale = await run("reminders.schedule", people.owner, { team: "acme", daysBefore: "2", daysAfter: "1", sendHour: "8", version: "" });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    const next = await run("reminders.schedule", people.owner, { team: "acme", daysBefore: "2", daysAfter: "1", sendHour: "8", version: "1" });
    expect(next).toMatchObject({ ok: true, data: { enabled: false, daysBefore: 2, daysAfter: 1, sendHour: 8, version: 2 } });
    const bad = await run("reminders.schedule", people.admin, { team: "acme", daysBefore: "45", daysAfter: "0", sendHour: "24", version: "2" });
    expect(bad).toMatchObject({ ok: false, status: 422 });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["daysAfter", "daysBefore", "sendHour"]);
    expect(await run("reminders.schedule", people.editor, { team: "acme", daysBefore: "2", daysAfter: "1", sendHour: "8", version: "2" })).toMatchObject({ ok: false, status: 403 });
    await setSchedule({ enabled: true });
  });
});
