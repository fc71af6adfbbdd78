// My updates and "red needs a reason" against the seeded demo: the page lists exactly the values
// the member owes (with last value and target), a block of them is saved all-or-nothing, a period
// that is not due is refused with the reason, a colleague's KPI or a value entered meanwhile is
// refused; a value that turns its KPI red asks for a reason, which can start an initiative or give
// someone an action; and the dashboard's freshness and needs-attention follow.
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/my-updates/actions";
import "@/app/t/[team]/scorecards/[scorecardId]/measurements/actions";
import { getDbHandle } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { initiatives, kpiExplanations, kpis, measurements, objectives, outboxEmails, scorecards, teams, type Kpi, type Team, type User } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";
import { clock } from "@/lib/clock";
import { loadDashboard } from "@/lib/dashboards/load-dashboard";
import { localDate, periodStartFor, previousPeriod, type TeamCalendar } from "@/lib/periods";
import { reportingPeriod } from "@/lib/update-loop/due";
import { loadMyUpdates, type MyUpdatesSaved } from "@/lib/update-loop/my-updates";
import type { RedFollowUp } from "@/lib/update-loop/red-reason";

let acme: Team;
let calendar: TeamCalendar;
let scorecardId: string;
let people: Record<"owner" | "admin" | "editor" | "viewer", User>;
let today: string;

const run = (name: string, user: User | null, input: Record<string, unknown>): Promise<ActionResult> => actionRegistry.get(name)!.runAs(user, input);

function accepted<T>(result: ActionResult): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: T }).data;
}

function refused(result: ActionResult, status: number) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) throw new Error("accepted");
  expect(result.status).toBe(status);
  return result;
}

/** A KPI owned by `who`, never measured: its reporting period is due. Percent, up, target 80, red below 50. */
async function newKpi(who: User, values: Partial<typeof kpis.$inferInsert> = {}): Promise<Kpi> {
  return inTeam(acme.id, async (tx) => {
    // An objective with no initiative, so "red with neither a reason nor an initiative" is decided by the test alone.
    const [objective] = await tx.select().from(objectives).where(and(eq(objectives.teamId, acme.id), eq(objectives.title, "Keep a motivated team")));
    const [kpi] = await tx
      .insert(kpis)
      .values({
        teamId: acme.id, objectiveId: objective!.id, name: `Mine ${Math.random().toString(36).slice(2, 7)}`, unit: "percent", direction: "up", target: 80, redThreshold: 50,
        frequency: "monthly", indicator: "lagging", position: 60, ownerId: who.id, ...values,
      })
      .returning();
    return kpi!;
  });
}

async function valuesOf(kpiId: string) {
  return inTeam(acme.id, (tx) => tx.select().from(measurements).where(and(eq(measurements.teamId, acme.id), eq(measurements.kpiId, kpiId))));
}

const mine = (who: User) => inTeam(acme.id, (tx) => loadMyUpdates(tx, { teamId: acme.id }, acme, who.id));
// The team row as a request reads it: its data version says whether a kept model still holds.
const dashboard = async () => {
  const { db } = await getDbHandle();
  const team = (await db.select().from(teams).where(eq(teams.id, acme.id)))[0]!;
  return (await loadDashboard({ teamId: acme.id }, team, scorecardId, {}))!.model;
};

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  calendar = { timeZone: acme.timeZone, fiscalYearStartMonth: acme.fiscalYearStartMonth };
  today = localDate(clock.now(), acme.timeZone);
  scorecardId = (await inTeam(acme.id, (tx) => tx.select().from(scorecards).where(eq(scorecards.teamId, acme.id))))[0]!.id;
  const user = async (email: string) => (await findUserByEmail(email))!;
  people = { owner: await user("owner@acme.test"), admin: await user("admin@acme.test"), editor: await user("editor@acme.test"), viewer: await user("viewer@acme.test") };
});

describe("the My updates page", () => {
  it("lists exactly the owner's KPIs that owe a value, with the last value and the target", async () => {
    const page = await mine(people.owner);
    const ownedKpis = await inTeam(acme.id, (tx) => tx.select().from(kpis).where(and(eq(kpis.teamId, acme.id), eq(kpis.ownerId, people.owner.id))));
    expect(page.owned).toBe(ownedKpis.length);
    // The seed's one stale KPI is the owner's: its reporting period is overdue.
    const overdue = page.rows.filter((r) => r.kind === "overdue");
    expect(overdue).toHaveLength(1);
    const [row] = overdue;
    expect(row).toMatchObject({ period: reportingPeriod(row!.frequency, today, calendar), scorecardName: "Acme Outdoor 2026" });
    expect(row!.last?.label).toBeTruthy();
    expect(row!.target).toMatch(/[≥≤]|to/);
    expect(row!.due).toMatch(/^due since \d{4}-\d{2}-\d{2}$/);
    expect(page.upToDate).toBe(page.owned - new Set(page.rows.map((r) => r.kpiId)).size);
    // Other people's KPIs never show.
    for (const r of page.rows) expect(ownedKpis.map((k) => k.id)).toContain(r.kpiId);
  });
});

describe("saving My updates", () => {
  it("saves a block of values at once, as the owner's, and they stop being due", async () => {
    const a = await newKpi(people.editor);
    const b = await newKpi(people.editor, { unit: "count", target: 10, redThreshold: 5 });
    const before = await mine(people.editor);
    expect(before.rows.map((r) => r.kpiId)).toEqual(expect.arrayContaining([a.id, b.id]));
    const period = reportingPeriod("monthly", today, calendar);
    const data = accepted<MyUpdatesSaved>(await run("myUpdates.save", people.editor, { team: "acme", cells: JSON.stringify([{ kpiId: a.id, period, value: "81,5" }, { kpiId: b.id, period, value: "12" }]) }));
    // Saved in lock order (by KPI id), each as a new value.
    expect(data.saved.map((s) => [s.kpiId, s.value, s.outcome]).sort()).toEqual([[a.id, 81.5, "created"], [b.id, 12, "created"]].sort());
    expect(data.followUps).toEqual([]);
    expect((await valuesOf(a.id))[0]).toMatchObject({ period, value: 81.5, enteredBy: people.editor.id });
    const after = await mine(people.editor);
    // The saved period is no longer owed (near a month end the current one may be, as a heads-up).
    const owed = after.rows.filter((r) => r.period === period).map((r) => r.kpiId);
    expect(owed).not.toContain(a.id);
    expect(owed).not.toContain(b.id);
  });

  it("refuses a period that is not due, with the reason, and saves nothing of the block", async () => {
    const kpi = await newKpi(people.editor);
    const due = reportingPeriod("monthly", today, calendar);
    const old = previousPeriod(previousPeriod(due, "monthly", calendar), "monthly", calendar);
    const result = refused(await run("myUpdates.save", people.editor, { team: "acme", cells: [{ kpiId: kpi.id, period: due, value: "70" }, { kpiId: kpi.id, period: old, value: "70" }] }), 422);
    expect(result.fieldErrors?.["cells.1.period"]?.[0]).toMatch(/is not due any more: values are due for .* Correct older values in the scorecard's measurements grid/);
    expect(result.message).toMatch(/Nothing was saved/);
    expect(await valuesOf(kpi.id)).toEqual([]);
    // A period that has not started is refused too, with its own reason.
    const next = periodStartFor(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`, "monthly", calendar);
    const future = refused(await run("myUpdates.save", people.editor, { team: "acme", cells: [{ kpiId: kpi.id, period: next, value: "70" }] }), 422);
    expect(future.fieldErrors?.["cells.0.period"]?.[0]).toMatch(/has not started yet/);
    // And a date that starts no period names the rule.
    const mid = refused(await run("myUpdates.save", people.editor, { team: "acme", cells: [{ kpiId: kpi.id, period: `${due.slice(0, 8)}15`, value: "70" }] }), 422);
    expect(mid.fieldErrors?.["cells.0.period"]?.[0]).toMatch(/does not start a monthly period/);
  });

  it("refuses a colleague's KPI and another team's alike (404), and viewers (403)", async () => {
    const theirs = await newKpi(people.owner);
    const period = reportingPeriod("monthly", today, calendar);
    refused(await run("myUpdates.save", people.editor, { team: "acme", cells: [{ kpiId: theirs.id, period, value: "70" }] }), 404);
    refused(await run("myUpdates.save", people.editor, { team: "acme", cells: [{ kpiId: "00000000-0000-4000-8000-000000000000", period, value: "70" }] }), 404);
    refused(await run("myUpdates.save", people.viewer, { team: "acme", cells: [{ kpiId: theirs.id, period, value: "70" }] }), 403);
    refused(await run("myUpdates.save", null, { team: "acme", cells: [{ kpiId: theirs.id, period, value: "70" }] }), 401);
    expect(await valuesOf(theirs.id)).toEqual([]);
  });

  it("never overwrites a value someone entered meanwhile (409), but updates the version it saw", async () => {
    const kpi = await newKpi(people.editor);
    const period = reportingPeriod("monthly", today, calendar);
    await inTeam(acme.id, (tx) => tx.insert(measurements).values({ teamId: acme.id, kpiId: kpi.id, period, value: 66, enteredBy: people.admin.id }));
    const conflict = refused(await run("myUpdates.save", people.editor, { team: "acme", cells: [{ kpiId: kpi.id, period, value: "70" }] }), 409);
    expect(conflict.message).toMatch(/was entered by someone else meanwhile \(66%\)/);
    expect(conflict.current).toMatchObject({ value: 66, version: 1 });
    const updated = accepted<MyUpdatesSaved>(await run("myUpdates.save", people.editor, { team: "acme", cells: [{ kpiId: kpi.id, period, value: "70", version: 1 }] }));
    expect(updated.saved[0]).toMatchObject({ value: 70, version: 2, outcome: "updated" });
  });
});

describe("red needs a reason", () => {
  it("a value that turns its KPI red comes back with the question; an explanation with an initiative answers it", async () => {
    const kpi = await newKpi(people.editor);
    const period = reportingPeriod("monthly", today, calendar);
    const data = accepted<MyUpdatesSaved>(await run("myUpdates.save", people.editor, { team: "acme", cells: [{ kpiId: kpi.id, period, value: "31" }] }));
    expect(data.followUps).toHaveLength(1);
    expect(data.followUps[0]).toMatchObject({ kpiId: kpi.id, period, value: "31%", scorecardId });

    // Unexplained, it is on the dashboard's needs-attention list.
    expect((await dashboard()).attention.unexplained.map((k) => k.id)).toContain(kpi.id);

    const explained = await run("measurements.explain", people.editor, {
      team: "acme", kpiId: kpi.id, period, reason: "A key account paused its order", followUp: "initiative", initiativeTitle: "Win the account back", initiativeOwnerId: people.editor.id, initiativeDueDate: "",
    });
    const answer = accepted<{ initiativeId: string | null }>(explained);
    expect(answer.initiativeId).toBeTruthy();
    const [explanation] = await inTeam(acme.id, (tx) => tx.select().from(kpiExplanations).where(and(eq(kpiExplanations.teamId, acme.id), eq(kpiExplanations.kpiId, kpi.id))));
    expect(explanation).toMatchObject({ period, reason: "A key account paused its order", authorId: people.editor.id });
    const [initiative] = await inTeam(acme.id, (tx) => tx.select().from(initiatives).where(and(eq(initiatives.teamId, acme.id), eq(initiatives.id, answer.initiativeId!))));
    expect(initiative).toMatchObject({ objectiveId: kpi.objectiveId, title: "Win the account back", status: "planned", ownerId: people.editor.id });

    const model = await dashboard();
    expect(model.attention.unexplained.map((k) => k.id)).not.toContain(kpi.id);
    expect(model.attention.offTrack.find((k) => k.id === kpi.id)).toMatchObject({ explanation: "A key account paused its order" });

    // Explained already: saving the same red value again does not ask twice.
    const again = accepted<MyUpdatesSaved>(await run("myUpdates.save", people.editor, { team: "acme", cells: [{ kpiId: kpi.id, period, value: "30", version: 1 }] }));
    expect(again.followUps).toEqual([]);
  });

  it("assigning an action e-mails the person given it, and needs who and what", async () => {
    const kpi = await newKpi(people.editor);
    const period = reportingPeriod("monthly", today, calendar);
    await run("myUpdates.save", people.editor, { team: "acme", cells: [{ kpiId: kpi.id, period, value: "20" }] });
    const missing = refused(await run("measurements.explain", people.editor, { team: "acme", kpiId: kpi.id, period, reason: "Stock-out", followUp: "action" }), 422);
    expect(Object.keys(missing.fieldErrors ?? {}).sort()).toEqual(["actionOwnerId", "actionText"]);
    const outsider = (await findUserByEmail("owner@globex.test"))!;
    const notMember = refused(await run("measurements.explain", people.editor, { team: "acme", kpiId: kpi.id, period, reason: "Stock-out", followUp: "action", actionText: "Reorder", actionOwnerId: outsider.id }), 422);
    expect(notMember.fieldErrors?.actionOwnerId?.[0]).toMatch(/members/);

    accepted(await run("measurements.explain", people.editor, { team: "acme", kpiId: kpi.id, period, reason: "Stock-out in the warehouse", followUp: "action", actionText: "Reorder from the second supplier", actionOwnerId: people.admin.id }));
    const { db } = await getDbHandle();
    const mail = await db.select().from(outboxEmails).where(and(eq(outboxEmails.to, "admin@acme.test"), like(outboxEmails.subject, "Action for%")));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("Reorder from the second supplier");
    expect(mail[0]!.text).toContain("Stock-out in the warehouse");
    expect((await dashboard()).attention.unexplained.map((k) => k.id)).not.toContain(kpi.id);
  });

  it("the measurements grid asks too, and only about a red value that is the KPI's latest", async () => {
    const kpi = await newKpi(people.editor);
    const period = reportingPeriod("monthly", today, calendar);
    const older = previousPeriod(period, "monthly", calendar);
    const saved = accepted<{ redFollowUp?: RedFollowUp }>(await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: kpi.id, period, value: "10" }));
    expect(saved.redFollowUp).toMatchObject({ kpiId: kpi.id, period, value: "10%" });
    // A red value for an older period (history) does not change the KPI's colour: no question.
    const history = accepted<{ redFollowUp?: RedFollowUp }>(await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: kpi.id, period: older, value: "12" }));
    expect(history.redFollowUp).toBeUndefined();
    const green = accepted<{ redFollowUp?: RedFollowUp }>(await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: kpi.id, period, value: "95", version: 1 }));
    expect(green.redFollowUp).toBeUndefined();
    // Nothing to explain once it is green again.
    refused(await run("measurements.explain", people.editor, { team: "acme", kpiId: kpi.id, period, reason: "Late" }), 422);
    // Viewers cannot explain.
    refused(await run("measurements.explain", people.viewer, { team: "acme", kpiId: kpi.id, period, reason: "Late" }), 403);
  });
});

describe("the dashboard's update-loop figures", () => {
  it("show ownership coverage and freshness, and freshness moves when a due value is entered", async () => {
    const model = await dashboard();
    const all = model.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
    expect(model.updateLoop.ownership).toEqual({ count: all.filter((k) => k.ownerName !== null).length, total: all.length });
    expect(model.updateLoop.freshness).toEqual({ count: all.filter((k) => k.value !== null && !k.stale).length, total: all.length });

    const row = (await mine(people.owner)).rows.find((r) => r.kind === "overdue")!;
    accepted(await run("myUpdates.save", people.owner, { team: "acme", cells: [{ kpiId: row.kpiId, period: row.period, value: "50" }] }));
    const after = await dashboard();
    expect(after.updateLoop.freshness.count).toBe(model.updateLoop.freshness.count + 1);
    expect(after.updateLoop.freshness.total).toBe(model.updateLoop.freshness.total);
  });
});
