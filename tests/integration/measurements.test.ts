// The measurements grid's actions against a real database seeded with the demo: saving a
// cell (create, upsert, conditional update), pasting a block (all-or-nothing), clearing a
// cell, a cell's history, the refusals (401/403/404/409/422), and the scores that move.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/[scorecardId]/measurements/actions";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import { findUserByEmail } from "@/db/queries/users";
import { kpis, measurements, objectives, perspectives, scorecards, teams, type Kpi, type Team, type User } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";
import { nextPeriod, previousPeriod, type TeamCalendar } from "@/lib/periods";
import { evaluateScorecard, teamToday } from "@/lib/scorecards/evaluate";
import { periodStartFor } from "@/lib/periods";

let acme: Team;
let globex: Team;
let calendar: TeamCalendar;
let scorecardId: string;
let globexScorecardId: string;
let people: Record<"owner" | "editor" | "viewer" | "globex", User>;
let monthly: Kpi; // a percent KPI, monthly
let weekly: Kpi;
let globexKpi: Kpi;

function run(name: string, user: User | null, input: Record<string, unknown> | FormData): Promise<ActionResult> {
  const action = actionRegistry.get(name);
  if (!action) throw new Error(`action ${name} is not registered`);
  return action.runAs(user, input);
}

function refused(result: ActionResult, status: number) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) throw new Error("accepted");
  expect(result.status, JSON.stringify(result)).toBe(status);
  return result;
}

function accepted<T>(result: ActionResult): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: T }).data;
}

const today = () => teamToday(calendar);
const current = (kpi: Kpi) => periodStartFor(today(), kpi.frequency, calendar);
const back = (kpi: Kpi, steps: number) => {
  let p = current(kpi);
  for (let i = 0; i < steps; i++) p = previousPeriod(p, kpi.frequency, calendar);
  return p;
};

async function valueOf(kpiId: string, period: string) {
  return inTeam(acme.id, async (tx) => {
    const [row] = await tx.select().from(measurements).where(and(eq(measurements.teamId, acme.id), eq(measurements.kpiId, kpiId), eq(measurements.period, period)));
    return row;
  });
}

async function measurementActivity() {
  return inTeam(acme.id, (tx) => listActivity(tx, { teamId: acme.id }, { entityType: "measurement", limit: 500 }));
}

/** A KPI added for the test, alone of its kind, so the hand calculation below is exact. */
async function addKpi(team: Team, objectiveId: string, values: Partial<typeof kpis.$inferInsert> = {}) {
  return inTeam(team.id, async (tx) => {
    const [kpi] = await tx
      .insert(kpis)
      .values({
        teamId: team.id, objectiveId, name: "Trail guide bookings", unit: "percent", direction: "up", target: 80, redThreshold: 50,
        frequency: "monthly", indicator: "leading", position: 99, ...values,
      })
      .returning();
    return kpi!;
  });
}

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  globex = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!;
  calendar = { timeZone: acme.timeZone, fiscalYearStartMonth: acme.fiscalYearStartMonth };
  const user = async (email: string) => (await findUserByEmail(email))!;
  people = { owner: await user("owner@acme.test"), editor: await user("editor@acme.test"), viewer: await user("viewer@acme.test"), globex: await user("owner@globex.test") };

  const tree = await inTeam(acme.id, async (tx) => {
    const [card] = await tx.select().from(scorecards).where(eq(scorecards.teamId, acme.id));
    return loadScorecardTree(tx, { teamId: acme.id }, card!.id, today());
  });
  scorecardId = tree!.scorecard.id;
  monthly = tree!.kpis.find((k) => k.frequency === "monthly" && k.unit === "percent")!;
  weekly = tree!.kpis.find((k) => k.frequency === "weekly")!;

  // Globex gets a KPI of its own, to try it from Acme.
  await inTeam(globex.id, async (tx) => {
    const [card] = await tx.select().from(scorecards).where(eq(scorecards.teamId, globex.id));
    globexScorecardId = card!.id;
    const [p] = await tx.insert(perspectives).values({ teamId: globex.id, scorecardId: card!.id, kind: "customer", name: "Customer", position: 0 }).returning();
    const [o] = await tx.insert(objectives).values({ teamId: globex.id, scorecardId: card!.id, perspectiveId: p!.id, title: "Globex objective", position: 0 }).returning();
    globexKpi = (
      await tx
        .insert(kpis)
        .values({ teamId: globex.id, objectiveId: o!.id, name: "Globex KPI", unit: "count", direction: "up", target: 10, redThreshold: 5, frequency: "monthly", indicator: "lagging", position: 0 })
        .returning()
    )[0]!;
  });
  for (const name of ["measurements.save", "measurements.paste", "measurements.delete", "measurements.history"]) expect(actionRegistry.has(name), name).toBe(true);
});

describe("saving one cell", () => {
  it("creates a value (decimal comma accepted), logs the activity, and shows it in the cell's history", async () => {
    const kpi = await addKpi(acme, (await inTeam(acme.id, (tx) => tx.select().from(objectives).where(eq(objectives.teamId, acme.id))))[0]!.id);
    const period = current(kpi);
    const saved = accepted<{ value: number; version: number; outcome: string }>(
      await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: kpi.id, period, value: "62,5", note: "First count" }),
    );
    expect(saved).toMatchObject({ value: 62.5, version: 1, outcome: "created", note: "First count" });
    expect(await valueOf(kpi.id, period)).toMatchObject({ value: 62.5, note: "First count", enteredBy: people.editor.id });

    const [entry] = await measurementActivity();
    expect(entry).toMatchObject({ action: "create", actorId: people.editor.id, before: null, after: { kpiId: kpi.id, period, value: 62.5, note: "First count" } });

    const history = accepted<Array<{ action: string; after: unknown; actorName: string }>>(
      await run("measurements.history", people.viewer, { team: "acme", scorecardId, kpiId: kpi.id, period }),
    );
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "create", before: null, after: { value: 62.5, note: "First count" }, actorName: "Eli Novak" });
  });

  it("updates a value conditionally on the version seen, keeping before → after in the history", async () => {
    const period = back(monthly, 1);
    const before = (await valueOf(monthly.id, period))!;
    const saved = accepted<{ value: number; version: number; outcome: string }>(
      await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period, value: "55.5", version: String(before.version) }),
    );
    expect(saved).toMatchObject({ value: 55.5, version: before.version + 1, outcome: "updated", note: before.note });

    // Someone still looking at the old version is told, with both values at hand.
    const stale = refused(await run("measurements.save", people.owner, { team: "acme", scorecardId, kpiId: monthly.id, period, value: "60", version: before.version }), 409);
    expect(stale.current).toMatchObject({ value: 55.5, version: before.version + 1 });
    expect(stale.message).toContain(monthly.name);
    expect((await valueOf(monthly.id, period))!.value).toBe(55.5);

    const history = accepted<Array<{ action: string; before: unknown; after: unknown }>>(
      await run("measurements.history", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period }),
    );
    expect(history[0]).toMatchObject({ action: "update", before: { value: before.value }, after: { value: 55.5 } });
  });

  it("never overwrites a value with a write that saw the cell empty: 409 with the value that stands; the same value is no change", async () => {
    const period = back(monthly, 2);
    const before = (await valueOf(monthly.id, period))!;
    const activityBefore = (await measurementActivity()).length;
    const other = before.value >= 50 ? before.value - 7 : before.value + 7;
    // Sent without a version: this person saw no value here, but someone has entered one since.
    const blind = refused(await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period, value: other }), 409);
    expect(blind.current).toMatchObject({ value: before.value, version: before.version });
    expect(await valueOf(monthly.id, period)).toMatchObject({ value: before.value, version: before.version });
    const same = accepted<{ outcome: string }>(await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period, value: String(before.value) }));
    expect(same.outcome).toBe("unchanged");
    // Having seen it, they may replace it.
    const replaced = accepted<{ outcome: string; version: number }>(
      await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period, value: other, version: before.version }),
    );
    expect(replaced).toMatchObject({ outcome: "updated", version: before.version + 1 });
    expect((await measurementActivity()).length).toBe(activityBefore + 1);
  });

  it("refuses a pasted block over a cell someone filled meanwhile, whole (409)", async () => {
    const period = back(monthly, 4);
    const before = (await valueOf(monthly.id, period))!;
    const empty = back(monthly, 20);
    expect(await valueOf(monthly.id, empty)).toBeUndefined();
    const result = refused(
      await run("measurements.paste", people.editor, {
        team: "acme",
        scorecardId,
        cells: [
          { kpiId: monthly.id, period: empty, value: "40" },
          { kpiId: monthly.id, period, value: String(before.value + 1) },
        ],
      }),
      409,
    );
    expect(result.current, result.message).toMatchObject({ value: before.value });
    expect(await valueOf(monthly.id, empty)).toBeUndefined();
  });

  it("edits the note alone, and keeps the note when only the value is sent", async () => {
    const period = back(monthly, 3);
    const row = (await valueOf(monthly.id, period))!;
    accepted(await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period, value: row.value, note: "  Survey moved  ", version: row.version }));
    expect(await valueOf(monthly.id, period)).toMatchObject({ value: row.value, note: "Survey moved" });
    accepted(await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period, value: row.value + 1, version: row.version + 1 }));
    expect(await valueOf(monthly.id, period)).toMatchObject({ value: row.value + 1, note: "Survey moved" });
  });

  it("refuses bad input with a message naming the cell or the field, and writes nothing", async () => {
    const period = back(monthly, 4);
    const before = await valueOf(monthly.id, period);
    const save = (fields: Record<string, unknown>) => run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period, value: "50", ...fields });

    const nan = refused(await save({ value: "abc" }), 422);
    expect(nan.fieldErrors?.value?.[0]).toMatch(new RegExp(`^${monthly.name}, \\w{3} \\d{4}: "abc" is not a number$`));
    expect(nan.message).toContain(monthly.name);

    const percent = refused(await save({ value: "140" }), 422);
    expect(percent.fieldErrors?.value?.[0]).toContain("140 is outside 0–100 for a percentage");

    const midMonth = `${period.slice(0, 8)}15`;
    const notStart = refused(await save({ period: midMonth }), 422);
    expect(notStart.fieldErrors?.period?.[0]).toBe(`${monthly.name}: Period ${midMonth} does not start a monthly period (months start on the 1st); the period containing it starts on ${period}`);

    const future = nextPeriod(current(monthly), "monthly", calendar);
    expect(refused(await save({ period: future }), 422).fieldErrors?.period?.[0]).toContain("has not started yet");
    expect(refused(await save({ period: "last month" }), 422).fieldErrors?.period?.[0]).toContain("is not a date");
    expect(refused(await save({ value: "" }), 422).fieldErrors?.value?.[0]).toContain("enter a value");
    expect(refused(await save({ kpiId: "not-a-uuid" }), 422).fieldErrors?.kpiId?.[0]).toBe("KPI must be a valid id");
    expect(refused(await save({ note: "x".repeat(2001) }), 422).fieldErrors?.note?.[0]).toContain("at most 2000");

    const weeklyOnTuesday = refused(await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: weekly.id, period: nextDay(current(weekly)), value: "30" }), 422);
    expect(weeklyOnTuesday.fieldErrors?.period?.[0]).toContain("weeks start on a Monday");

    expect(await valueOf(monthly.id, period)).toEqual(before);
  });

  it("refuses another team's KPI and scorecard as not found, a viewer as forbidden, and a stranger as unauthenticated", async () => {
    const period = current(globexKpi);
    refused(await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: globexKpi.id, period, value: "7" }), 404);
    refused(await run("measurements.save", people.editor, { team: "acme", scorecardId: globexScorecardId, kpiId: globexKpi.id, period, value: "7" }), 404);
    refused(await run("measurements.save", people.globex, { team: "globex", scorecardId: globexScorecardId, kpiId: monthly.id, period, value: "7" }), 404);
    refused(await run("measurements.save", people.editor, { team: "globex", scorecardId: globexScorecardId, kpiId: globexKpi.id, period, value: "7" }), 404);
    refused(await run("measurements.history", people.editor, { team: "acme", scorecardId, kpiId: globexKpi.id, period }), 404);
    refused(await run("measurements.save", people.viewer, { team: "acme", scorecardId, kpiId: monthly.id, period, value: "7" }), 403);
    refused(await run("measurements.save", null, { team: "acme", scorecardId, kpiId: monthly.id, period, value: "7" }), 401);
    const rows = await inTeam(globex.id, (tx) => tx.select().from(measurements).where(eq(measurements.teamId, globex.id)));
    expect(rows).toEqual([]);
  });
});

describe("pasting a block", () => {
  it("writes every value of a pasted column in one go, one activity row per cell", async () => {
    const kpi = await addKpi(acme, (await inTeam(acme.id, (tx) => tx.select().from(objectives).where(eq(objectives.teamId, acme.id))))[1]!.id, { name: "Pasted KPI" });
    const periods = [back(kpi, 2), back(kpi, 1), current(kpi)];
    const activityBefore = (await measurementActivity()).length;
    const form = new FormData();
    form.set("team", "acme");
    form.set("scorecardId", scorecardId);
    form.set("cells", JSON.stringify(periods.map((period, i) => ({ kpiId: kpi.id, period, value: ["41", "42,5", "44"][i] }))));
    const saved = accepted<Array<{ value: number; outcome: string }>>(await run("measurements.paste", people.editor, form));
    expect(saved.map((s) => [s.value, s.outcome])).toEqual([[41, "created"], [42.5, "created"], [44, "created"]]);
    expect((await measurementActivity()).length).toBe(activityBefore + 3);
    expect((await valueOf(kpi.id, periods[1]!))!.value).toBe(42.5);
  });

  it("is all-or-nothing: one value that is not a number, or out of range, refuses the whole block, naming the cell", async () => {
    const periods = [back(monthly, 6), back(monthly, 5), back(monthly, 4)];
    const before = await Promise.all(periods.map((p) => valueOf(monthly.id, p)));
    const paste = (values: string[]) =>
      run("measurements.paste", people.editor, { team: "acme", scorecardId, cells: periods.map((period, i) => ({ kpiId: monthly.id, period, value: values[i] })) });

    const nan = refused(await paste(["10", "20", "thirty"]), 422);
    expect(nan.message).toMatch(/"thirty" is not a number\. Nothing was saved\.$/);
    expect(nan.message).toContain(monthly.name);
    expect(Object.keys(nan.fieldErrors ?? {})).toEqual(["cells.2.value"]);

    const range = refused(await paste(["10", "140", "30"]), 422);
    expect(range.fieldErrors?.["cells.1.value"]?.[0]).toContain("140 is outside 0–100 for a percentage");

    expect(await Promise.all(periods.map((p) => valueOf(monthly.id, p)))).toEqual(before);
  });

  it("is all-or-nothing on a stale cell (409) and on another team's KPI (404)", async () => {
    const periods = [back(monthly, 8), back(monthly, 7)];
    const before = await Promise.all(periods.map((p) => valueOf(monthly.id, p)));
    const stale = refused(
      await run("measurements.paste", people.editor, {
        team: "acme",
        scorecardId,
        cells: [
          { kpiId: monthly.id, period: periods[0], value: "11" },
          { kpiId: monthly.id, period: periods[1], value: "12", version: before[1]!.version + 5 },
        ],
      }),
      409,
    );
    expect(stale.current).toMatchObject({ value: before[1]!.value });
    refused(
      await run("measurements.paste", people.editor, {
        team: "acme",
        scorecardId,
        cells: [{ kpiId: monthly.id, period: periods[0], value: "11" }, { kpiId: globexKpi.id, period: periods[0], value: "12" }],
      }),
      404,
    );
    expect(await Promise.all(periods.map((p) => valueOf(monthly.id, p)))).toEqual(before);
    refused(await run("measurements.paste", people.viewer, { team: "acme", scorecardId, cells: [{ kpiId: monthly.id, period: periods[0], value: "11" }] }), 403);
    refused(await run("measurements.paste", people.editor, { team: "acme", scorecardId, cells: [] }), 422);
    refused(await run("measurements.paste", people.editor, { team: "acme", scorecardId, cells: "not json" }), 422);
  });
});

describe("clearing a cell", () => {
  it("deletes the version seen, logs it, refuses a stale version, a viewer and another team's KPI", async () => {
    const period = back(monthly, 9);
    const row = (await valueOf(monthly.id, period))!;
    refused(await run("measurements.delete", people.viewer, { team: "acme", scorecardId, kpiId: monthly.id, period, version: row.version }), 403);
    refused(await run("measurements.delete", people.editor, { team: "acme", scorecardId, kpiId: globexKpi.id, period, version: 1 }), 404);
    const stale = refused(await run("measurements.delete", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period, version: row.version + 1 }), 409);
    expect(stale.current).toMatchObject({ value: row.value });
    refused(await run("measurements.delete", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period: "yesterday", version: 1 }), 422);

    accepted(await run("measurements.delete", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period, version: row.version }));
    expect(await valueOf(monthly.id, period)).toBeUndefined();
    const [entry] = await measurementActivity();
    expect(entry).toMatchObject({ action: "delete", before: { kpiId: monthly.id, period, value: row.value }, after: null });
    // Deleting again: the value the person saw is gone.
    expect(refused(await run("measurements.delete", people.editor, { team: "acme", scorecardId, kpiId: monthly.id, period, version: row.version }), 409).current).toBeNull();
  });
});

describe("scores after three months of values", () => {
  it("move the KPI's status and its objective's and perspective's scores exactly as DESIGN.md's formula says", async () => {
    // A new KPI in "Make the first trip a success" (Customer): up, target 80 %, red line 50 %.
    const evaluate = async () => {
      const tree = await inTeam(acme.id, (tx) => loadScorecardTree(tx, { teamId: acme.id }, scorecardId, today()));
      return evaluateScorecard(tree!, today(), calendar);
    };
    const find = (card: Awaited<ReturnType<typeof evaluate>>, kpiId: string) => {
      for (const p of card.perspectives) for (const o of p.objectives) for (const k of o.kpis) if (k.kpi.id === kpiId) return { p, o, k };
      throw new Error("KPI not found");
    };
    const objectiveId = (await inTeam(acme.id, (tx) => tx.select().from(objectives).where(eq(objectives.title, "Make the first trip a success"))))[0]!.id;
    const kpi = await addKpi(acme, objectiveId, { name: "First-trip bookings" });

    const start = find(await evaluate(), kpi.id);
    expect(start.k.evaluation).toMatchObject({ status: "grey", score: null });
    // Fresh KPIs of the objective other than ours (stale ones do not count), and the other objectives of the perspective.
    const others = start.o.kpis.filter((k) => k.kpi.id !== kpi.id && !k.evaluation.stale && k.evaluation.score !== null).map((k) => k.evaluation.score!);
    const otherObjectives = start.p.objectives.filter((o) => o.objective.id !== objectiveId).map((o) => o.rollup.score!);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(start.o.rollup.score).toBeCloseTo(mean(others), 10);

    // Linear through (red → 10/3) and (target → 20/3), clamped to [0, 10].
    const hand = (value: number) => Math.min(10, Math.max(0, 10 / 3 + ((value - 50) / (80 - 50)) * (10 / 3)));
    const steps: Array<{ period: string; value: string; number: number; status: string; stale: boolean }> = [
      { period: back(kpi, 2), value: "50", number: 50, status: "amber", stale: true },
      { period: back(kpi, 1), value: "65", number: 65, status: "amber", stale: false },
      { period: current(kpi), value: "95", number: 95, status: "green", stale: false },
    ];
    const expectedScores = [10 / 3, 5, 25 / 3];
    for (const [i, step] of steps.entries()) {
      accepted(await run("measurements.save", people.editor, { team: "acme", scorecardId, kpiId: kpi.id, period: step.period, value: step.value }));
      const now = find(await evaluate(), kpi.id);
      expect(hand(step.number)).toBeCloseTo(expectedScores[i]!, 12);
      expect(now.k.evaluation.score).toBeCloseTo(hand(step.number), 12);
      expect(now.k.evaluation).toMatchObject({ status: step.status, stale: step.stale, value: step.number, period: step.period });

      // A stale value is shown but not counted: the objective keeps its score after the first month.
      const objectiveScore = step.stale ? mean(others) : mean([...others, hand(step.number)]);
      expect(now.o.rollup.score).toBeCloseTo(objectiveScore, 10);
      expect(now.p.rollup.score).toBeCloseTo(mean([...otherObjectives, objectiveScore]), 10);
    }
    const end = find(await evaluate(), kpi.id);
    expect(end.k.evaluation.trend).toBe("improving");
    expect(end.o.rollup.score).not.toBeCloseTo(start.o.rollup.score!, 3);
    expect(end.p.rollup.score).not.toBeCloseTo(start.p.rollup.score!, 3);
  });
});

function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
