// The measurements grid's read against a real database seeded with the demo: it reads only the
// periods its columns show (per frequency), in a number of statements that does not grow with
// the scorecard, and it is kept while the team's data version stands.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/[scorecardId]/measurements/actions";
import { getDbHandle } from "@/db/client";
import { listGridMeasurements } from "@/db/queries/measurements";
import { countQueries } from "@/db/query-counter";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import { findUserByEmail } from "@/db/queries/users";
import { kpis, measurements, objectives, scorecards, teams, type Kpi, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { actionRegistry } from "@/lib/actions/team-action";
import { firstShownPeriods, recentPeriods } from "@/lib/measurements/grid";
import { readGridModel } from "@/lib/measurements/grid-model";
import { loadMeasurementGrid } from "@/lib/measurements/load-grid";
import { previousPeriod, type TeamCalendar } from "@/lib/periods";
import { evaluateScorecard, teamToday } from "@/lib/scorecards/evaluate";

let acme: Team;
let calendar: TeamCalendar;
let scorecardId: string;
let weekly: Kpi;
const ctx = () => ({ teamId: acme.id });
const today = () => teamToday(calendar);

async function evaluated(id = scorecardId) {
  const tree = await inTeam(acme.id, (tx) => loadScorecardTree(tx, ctx(), id, today()));
  return evaluateScorecard(tree!, today(), calendar);
}

async function teamRow(): Promise<Team> {
  const { db } = await getDbHandle();
  return (await db.select().from(teams).where(eq(teams.id, acme.id)))[0]!;
}

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  calendar = { timeZone: acme.timeZone, fiscalYearStartMonth: acme.fiscalYearStartMonth };
  const card = await evaluated((await db.select().from(scorecards).where(eq(scorecards.teamId, acme.id)))[0]!.id);
  scorecardId = card.scorecard.id;
  weekly = card.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map((k) => k.kpi))).find((k) => k.frequency === "weekly")!;
});

describe("the grid's read", () => {
  it("reads each frequency's shown periods only, not the reach of the quarterly columns", async () => {
    const weeks = recentPeriods("weekly", today(), 6, calendar);
    let old = weeks[0]!;
    for (let i = 0; i < 20; i++) old = previousPeriod(old, "weekly", calendar);
    await inTeam(acme.id, (tx) => tx.insert(measurements).values({ teamId: acme.id, kpiId: weekly.id, period: old, value: 1 }).onConflictDoNothing());
    const from = firstShownPeriods(today(), 6, calendar);
    expect(from.weekly).toBe(weeks[0]);
    expect(from.quarterly < old).toBe(true);

    const rows = await inTeam(acme.id, (tx) => listGridMeasurements(tx, ctx(), [{ kpiIds: [weekly.id], from: from.weekly }], today()));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.kpiId === weekly.id && r.period >= from.weekly && r.period <= today())).toBe(true);
    expect(rows.some((r) => r.period === old)).toBe(false);
    // Only what a cell shows: no timestamps, ids or authors.
    expect(Object.keys(rows[0]!).sort()).toEqual(["kpiId", "note", "period", "value", "version"]);
  });

  it("takes as many statements for a scorecard five times the size", async () => {
    // Data versions no kept model has, and a number of periods no other test asks for (a kept
    // model of a higher version is never replaced by an older read).
    let unseen = 2_000_000_000;
    const unkept = () => ({ id: acme.id, dataVersion: unseen++ });
    const load = async (id: string) => {
      const card = await evaluated(id);
      return countQueries(() => loadMeasurementGrid({ scorecardId: id, team: unkept(), calendar, today: today(), periodsShown: 4, evaluated: card }));
    };
    const small = await load(scorecardId);
    // The same scorecard with four more KPIs per objective, each of a frequency in turn.
    await inTeam(acme.id, async (tx) => {
      const objs = await tx.select().from(objectives).where(eq(objectives.scorecardId, scorecardId));
      const frequencies = ["weekly", "monthly", "quarterly"] as const;
      await tx.insert(kpis).values(
        objs.flatMap((o, i) =>
          Array.from({ length: 4 }, (_, j) => ({
            teamId: acme.id, objectiveId: o.id, name: `Extra ${i}.${j}`, unit: "count" as const, direction: "up" as const, target: 10, redThreshold: 5,
            frequency: frequencies[(i + j) % 3]!, indicator: "lagging" as const, position: 50 + j,
          })),
        ),
      );
    });
    const large = await load(scorecardId);
    const rows = (model: typeof small.result) => readGridModel(model).flatMap((s) => s.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.rows))).length;
    expect(rows(large.result)).toBeGreaterThan(rows(small.result));
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(3);
  });

  it("is kept while the team's data version stands, and read again once a change moves it", async () => {
    const team = await teamRow();
    const card = await evaluated();
    const request = { scorecardId, team, calendar, today: today(), periodsShown: 6, evaluated: card };
    const first = await countQueries(() => loadMeasurementGrid(request));
    const again = await countQueries(() => loadMeasurementGrid(request));
    expect(first.count).toBeGreaterThan(0);
    expect(again.count).toBe(0);
    expect(again.result).toBe(first.result);
    // Another number of periods is another model.
    expect((await countQueries(() => loadMeasurementGrid({ ...request, periodsShown: 3 }))).count).toBeGreaterThan(0);

    const editor = (await findUserByEmail("editor@acme.test"))!;
    const period = recentPeriods("weekly", today(), 1, calendar)[0]!;
    const saved = await actionRegistry.get("measurements.save")!.runAs(editor, { team: "acme", scorecardId, kpiId: weekly.id, period, value: "42,5" });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const moved = await teamRow();
    expect(moved.dataVersion).toBeGreaterThan(team.dataVersion);
    const after = await countQueries(async () => loadMeasurementGrid({ ...request, team: moved, evaluated: await evaluated() }));
    expect(after.count).toBeGreaterThan(0);
    const row = readGridModel(after.result)
      .flatMap((s) => s.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.rows)))
      .find((r) => r.kpiId === weekly.id)!;
    expect(row.cells.at(-1)).toMatchObject({ period, value: 42.5 });
  });
});
