// The benchmark's own smoke test at the tiny size: the dataset generator writes exactly the rows
// its spec describes, the pages' SQL statement counts are the same at two data sizes, and the
// roll-up statement psql times agrees with the scoring module. Nothing here is timed.
import { inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { SIZES, expectedCounts, generateDataset, seededRandom, seededUuid, type Dataset } from "@/bench/dataset";
import { classifyStatement, countInProcess, parseStatements } from "@/bench/queries";
import { rollupSql } from "@/bench/rollup";
import { QUERY_TARGETS } from "@/bench/targets";
import { getDbHandle, type Database } from "@/db/client";
import { kpiAggregateInputs, kpis, measurements, scorecards } from "@/db/schema";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import { inTeam } from "@/db/tenant";
import { evaluateScorecard, teamToday } from "@/lib/scorecards/evaluate";

let db: Database;
let dataset: Dataset;

beforeAll(async () => {
  db = (await getDbHandle()).db;
  dataset = await generateDataset(db, SIZES.tiny, { size: "tiny" });
}, 60_000);

describe("bench dataset (tiny)", () => {
  it("writes exactly the rows of its spec, in every table", () => {
    expect(dataset.counts).toEqual(expectedCounts(SIZES.tiny));
    expect(dataset.scorecards.big.kpis).toBeGreaterThan(dataset.scorecards.probe.kpis);
    expect(dataset.kpiIds).toHaveLength(dataset.scorecards.big.kpis * SIZES.tiny.big.scorecards + dataset.scorecards.probe.kpis);
  });

  it("makes the big team's scorecards a three-level organisation with aggregate KPIs computed as stored", async () => {
    const { org, team } = dataset;
    expect(org.rootId).toBe(dataset.scorecards.big.id);
    const cards = await inTeam(team.id, (tx) => tx.select({ id: scorecards.id, parentId: scorecards.parentId }).from(scorecards));
    const parent = new Map(cards.map((c) => [c.id, c.parentId]));
    expect(parent.get(org.rootId)).toBeNull();
    expect(parent.get(dataset.scorecards.probe.id)).toBeNull();
    expect(org.divisionIds.length).toBeGreaterThan(0);
    for (const id of org.divisionIds) expect(parent.get(id)).toBe(org.rootId);
    expect(org.departmentIds.length).toBeGreaterThan(0);
    for (const id of org.departmentIds) expect(org.divisionIds).toContain(parent.get(id));
    expect(parent.get(org.department.id)).not.toBe(org.rootId);
    expect(org.units).toBe(1 + org.divisionIds.length + org.departmentIds.length);

    expect(org.aggregates).toBeGreaterThan(0);
    const inputs = await inTeam(team.id, (tx) => tx.select().from(kpiAggregateInputs));
    expect(inputs).toHaveLength(org.aggregateInputs);
    const aggregateIds = [...new Set(inputs.map((i) => i.kpiId))];
    expect(aggregateIds).toHaveLength(org.aggregates);
    const defs = await inTeam(team.id, (tx) => tx.select({ id: kpis.id, aggregation: kpis.aggregation }).from(kpis).where(inArray(kpis.id, aggregateIds)));
    expect(defs.map((d) => d.aggregation)).toEqual(defs.map(() => "average"));
    // Each stored value is the mean of its inputs' values for the period, with its coverage.
    const rows = await inTeam(team.id, (tx) => tx.select().from(measurements).where(inArray(measurements.kpiId, [...aggregateIds, ...inputs.map((i) => i.inputKpiId)])));
    for (const id of aggregateIds) {
      const of = inputs.filter((i) => i.kpiId === id).map((i) => i.inputKpiId);
      const own = rows.filter((r) => r.kpiId === id);
      expect(own.length).toBeGreaterThan(0);
      for (const m of own) {
        const values = rows.filter((r) => of.includes(r.kpiId) && r.period === m.period).map((r) => r.value);
        expect([m.inputsReported, m.inputsTotal]).toEqual([values.length, of.length]);
        expect(m.value).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 2);
      }
    }
  });

  it("takes its ids from the fixed seed", () => {
    // The big team's id is the seed's first draw, so every run names the same rows.
    expect(dataset.team.id).toBe(seededUuid(seededRandom(SIZES.tiny.seed)));
    expect(dataset.shareTokens.big.startsWith(`${dataset.team.id}.`)).toBe(true);
  });
});

describe("bench query counts (tiny)", () => {
  it("runs each page's loaders at two sizes with the same number of statements", async () => {
    const counts = await countInProcess(db, dataset, QUERY_TARGETS);
    const measured = counts.filter((c) => c.A && c.B);
    expect(measured.map((c) => c.key).sort()).toEqual(["dashboard", "dashboard-kpis", "editor", "journey", "organisation", "share"]);
    for (const c of measured) {
      expect(c.A!.data, c.key).toBeGreaterThan(0);
      // The budget of issue 10: at most 10 data statements per page, layout included.
      expect(c.A!.data, c.key).toBeLessThanOrEqual(10);
      expect(c.B, c.key).toEqual(c.A);
      expect(c.constant).toBe(true);
    }
  });

  it("reads statements from a PostgreSQL log and tells data from bookkeeping", () => {
    const log = [
      "2026-11-23 07:00:00.000 UTC [42] LOG:  statement: begin",
      "2026-11-23 07:00:00.001 UTC [42] LOG:  execute s1: select set_config('app.team_id', $1, true)",
      "2026-11-23 07:00:00.002 UTC [42] LOG:  execute <unnamed>: select \"id\" from \"kpis\"",
      "2026-11-23 07:00:00.002 UTC [42] DETAIL:  parameters: $1 = 'x'",
      "2026-11-23 07:00:00.003 UTC [42] LOG:  statement: commit",
    ].join("\n");
    expect(parseStatements(log).map(classifyStatement)).toEqual(["transaction", "rls", "data", "transaction"]);
  });
});

describe("bench roll-up SQL (tiny)", () => {
  it("gives the scorecard score the scoring module gives", async () => {
    const { team, calendar, scorecards } = dataset;
    const asOf = teamToday(calendar);
    const result = await db.execute(sql.raw(rollupSql(team.id, scorecards.big.id, asOf)));
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as Array<{ scorecard_score: string | number | null }>;
    const tree = await inTeam(team.id, (tx) => loadScorecardTree(tx, { teamId: team.id }, scorecards.big.id, asOf));
    const appScore = evaluateScorecard(tree!, asOf, calendar).rollup.score;
    expect(appScore).not.toBeNull();
    expect(Number(rows[0]!.scorecard_score)).toBeCloseTo(appScore!, 3);
  });
});
