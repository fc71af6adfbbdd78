// The executive dashboard against the seeded demo on a real database: its numbers equal an
// independent computation from the raw rows with the pure scoring functions, its needs-attention
// list, its heatmap, the team overview, and a query count that does not grow with the scorecard.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { countQueries } from "@/db/query-counter";
import {
  initiatives, journeys, kpis, measurements, memberships, objectiveStages, objectives, perspectives, scorecards, stages, teams, users, type Team,
} from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { formatScore } from "@/lib/dashboards/format";
import { loadDashboard, loadKpiCards, loadTeamSummary, teamCalendar } from "@/lib/dashboards/load-dashboard";
import { addDays, resolveDashboardPeriod } from "@/lib/dashboards/period-selection";
import { localDate, type TeamCalendar } from "@/lib/periods";
import { evaluateKpi, rollupObjective, rollupPerspective, rollupScorecard, stageHealth, trend, type Status } from "@/lib/scoring";

let acme: Team;
let calendar: TeamCalendar;
let scorecardId: string;
let today: string;
const ctx = () => ({ teamId: acme.id });

/** Every row the scores depend on, read straight from the tables (no app query involved). */
async function rawRows(id: string) {
  return inTeam(acme.id, async (tx) => {
    const ps = await tx.select().from(perspectives).where(eq(perspectives.scorecardId, id));
    const os = await tx.select().from(objectives).where(eq(objectives.scorecardId, id));
    const ks = os.length ? await tx.select().from(kpis).where(inArray(kpis.objectiveId, os.map((o) => o.id))) : [];
    const ms = ks.length ? await tx.select().from(measurements).where(inArray(measurements.kpiId, ks.map((k) => k.id))) : [];
    const links = os.length ? await tx.select().from(objectiveStages).where(inArray(objectiveStages.objectiveId, os.map((o) => o.id))) : [];
    const inits = os.length ? await tx.select().from(initiatives).where(inArray(initiatives.objectiveId, os.map((o) => o.id))) : [];
    return { ps, os, ks, ms, links, inits };
  });
}

/** The scorecard computed from raw rows with lib/scoring only: KPI → objective → perspective → scorecard. */
function independentScores(raw: Awaited<ReturnType<typeof rawRows>>, asOf: string) {
  const kpi = new Map(
    raw.ks.map((k) => [
      k.id,
      evaluateKpi({
        def: { direction: k.direction, target: k.target, targetMax: k.targetMax, redThreshold: k.redThreshold },
        frequency: k.frequency,
        measurements: raw.ms.filter((m) => m.kpiId === k.id).map((m) => ({ period: m.period, value: m.value })),
        asOfPeriod: asOf,
        calendar,
      }),
    ]),
  );
  const objective = new Map(
    raw.os.map((o) => [o.id, rollupObjective(raw.ks.filter((k) => k.objectiveId === o.id).map((k) => ({ score: kpi.get(k.id)!.score, stale: kpi.get(k.id)!.stale, weight: k.weight })))]),
  );
  const perspective = new Map(
    raw.ps.map((p) => [p.id, rollupPerspective(raw.os.filter((o) => o.perspectiveId === p.id).map((o) => ({ score: objective.get(o.id)!.score, weight: o.weight })))]),
  );
  const overall = rollupScorecard(raw.ps.map((p) => ({ score: perspective.get(p.id)!.score, weight: p.weight })));
  return { kpi, objective, perspective, overall };
}

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  calendar = teamCalendar(acme);
  today = localDate(clock.now(), acme.timeZone);
  const [card] = await inTeam(acme.id, (tx) => tx.select().from(scorecards).where(eq(scorecards.name, "Acme Outdoor 2026")));
  scorecardId = card!.id;
});

describe("the dashboard's numbers", () => {
  it("equal an independent computation from the raw rows, for the current month and the previous one", async () => {
    const loaded = (await loadDashboard(ctx(), acme, scorecardId, {}))!;
    const { model } = loaded;
    expect(model.period.asOf).toBe(today);
    const raw = await rawRows(scorecardId);
    const now = independentScores(raw, model.period.asOf);
    const before = independentScores(raw, model.period.previous.asOf);

    expect(model.overall.score).not.toBeNull();
    expect(model.overall.score).toBe(now.overall.score);
    expect(model.overall.status).toBe(now.overall.status);
    expect(model.overall.coverage).toEqual(now.overall.coverage);
    expect(model.overall.previousScore).toBe(before.overall.score);
    expect(model.overall.trend).toBe(trend(now.overall.score, before.overall.score));
    expect(formatScore(model.overall.score)).toBe(now.overall.score!.toFixed(1));

    expect(model.perspectives).toHaveLength(4);
    for (const p of model.perspectives) {
      expect([p.name, p.score, p.status, p.previousScore]).toEqual([p.name, now.perspective.get(p.id)!.score, now.perspective.get(p.id)!.status, before.perspective.get(p.id)!.score]);
      expect(p.trend).toBe(trend(now.perspective.get(p.id)!.score, before.perspective.get(p.id)!.score));
      for (const o of p.objectives) {
        expect([o.title, o.score, o.status]).toEqual([o.title, now.objective.get(o.id)!.score, now.objective.get(o.id)!.status]);
        for (const k of o.kpis) {
          const e = now.kpi.get(k.id)!;
          expect([k.name, k.value, k.period, k.score, k.status, k.stale]).toEqual([k.name, e.value, e.period, e.score, e.status, e.stale]);
          expect(k.previousValue).toBe(before.kpi.get(k.id)!.value);
        }
      }
    }
    expect(model.kpiCount).toBe(raw.ks.length);
    expect(model.kpiCount).toBeGreaterThanOrEqual(16);
  });

  it("equal the independent computation for a past quarter, taken as of its last day", async () => {
    const at = addDays(today, -200);
    const { model } = (await loadDashboard(ctx(), acme, scorecardId, { period: "quarter", at }))!;
    const expected = resolveDashboardPeriod({ period: "quarter", at }, calendar, today);
    expect(model.period.asOf).toBe(expected.to);
    const raw = await rawRows(scorecardId);
    const now = independentScores(raw, expected.to);
    expect(model.overall.score).toBe(now.overall.score);
    expect(model.perspectives.map((p) => p.score)).toEqual(raw.ps.sort((a, b) => a.position - b.position).map((p) => now.perspective.get(p.id)!.score));
  });

  it("names owners (never their e-mail addresses)", async () => {
    const { model } = (await loadDashboard(ctx(), acme, scorecardId, {}))!;
    const owners = new Set(model.perspectives.flatMap((p) => p.objectives.map((o) => o.ownerName)));
    expect(owners).toEqual(new Set(["Dana Whitfield", "Sam Okafor", "Eli Novak"]));
    expect(JSON.stringify(model)).not.toMatch(/@acme\.test/);
  });

  it("lists what needs attention: red and amber KPIs, KPIs without a current value, initiatives past due", async () => {
    const { model } = (await loadDashboard(ctx(), acme, scorecardId, {}))!;
    const raw = await rawRows(scorecardId);
    const now = independentScores(raw, model.period.asOf);
    const ids = (pick: (e: { value: number | null; stale: boolean; status: Status }) => boolean) =>
      raw.ks.filter((k) => pick(now.kpi.get(k.id)!)).map((k) => k.id).sort();
    const sorted = (list: Array<{ id: string }>) => list.map((i) => i.id).sort();

    expect(sorted(model.attention.offTrack)).toEqual(ids((e) => e.value !== null && !e.stale && e.status === "red"));
    expect(sorted(model.attention.atRisk)).toEqual(ids((e) => e.value !== null && !e.stale && e.status === "amber"));
    expect(sorted(model.attention.noCurrentValue)).toEqual(ids((e) => e.value === null || e.stale));
    // The seed leaves one KPI stale and some falling short.
    expect(model.attention.noCurrentValue).toHaveLength(1);
    expect(model.attention.noCurrentValue[0]!.stale).toBe(true);
    expect(model.attention.offTrack.length + model.attention.atRisk.length).toBeGreaterThan(0);
    // Worst first.
    const scores = model.attention.offTrack.map((k) => k.score!);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));

    expect(model.attention.pastDue.map((i) => i.title)).toEqual(["Gear expert chat on every product page"]);
    expect(model.attention.pastDue[0]).toMatchObject({ objectiveTitle: "Resolve issues on first contact", ownerName: "Sam Okafor", progress: 80 });
    expect(model.attention.pastDue[0]!.daysOverdue).toBeGreaterThanOrEqual(9);
  });

  it("colours the journey heatmap by the health of the objectives serving each stage", async () => {
    const { model } = (await loadDashboard(ctx(), acme, scorecardId, {}))!;
    const raw = await rawRows(scorecardId);
    const now = independentScores(raw, model.period.asOf);
    expect(model.heatmaps).toHaveLength(1);
    const [map] = model.heatmaps;
    expect(map!.journeyName).toBe("Weekend hiker");
    expect(map!.stages.map((s) => s.name)).toEqual(["Discovery", "Evaluation", "Purchase", "Onboarding", "Usage", "Support"]);
    for (const row of map!.rows) {
      for (const cell of row.cells) {
        const serving = raw.os.filter((o) => o.perspectiveId === row.perspectiveId && raw.links.some((l) => l.objectiveId === o.id && l.stageId === cell.stageId));
        const health = stageHealth(serving.map((o) => ({ score: now.objective.get(o.id)!.score, weight: o.weight })));
        expect([cell.objectiveCount, cell.score, cell.status]).toEqual([serving.length, health.score, health.status]);
      }
    }
    // Discovery is served by no objective of the seed: a gap in every row.
    expect(map!.overall[0]).toMatchObject({ objectiveCount: 0, status: "grey" });
    expect(map!.overall.filter((c) => c.objectiveCount > 0).length).toBe(5);
  });

  it("gives each perspective's objectives their standing, and its KPI cards their values in the window, oldest first, and the KPI's standing", async () => {
    const { model } = (await loadDashboard(ctx(), acme, scorecardId, {}))!;
    const raw = await rawRows(scorecardId);
    let cardCount = 0;
    for (const perspective of model.perspectives) {
      const { objectives, kpis: cards } = (await loadKpiCards(ctx(), acme, scorecardId, perspective.id, {}))!;
      expect(objectives).toEqual(
        perspective.objectives.map((o) => ({ id: o.id, title: o.title, ownerName: o.ownerName, score: o.score, status: o.status, coverage: o.coverage, trend: o.trend, previousScore: o.previousScore })),
      );
      const kpisOfPerspective = perspective.objectives.flatMap((o) => o.kpis);
      expect(cards.map((c) => c.id)).toEqual(kpisOfPerspective.map((k) => k.id));
      for (const card of cards) {
        const view = kpisOfPerspective.find((k) => k.id === card.id)!;
        expect([card.value, card.score, card.status, card.stale, card.ownTrend]).toEqual([view.value, view.score, view.status, view.stale, view.ownTrend]);
        const inWindow = raw.ms
          .filter((m) => m.kpiId === card.id && m.period >= model.period.history.from && m.period <= model.period.history.to)
          .sort((a, b) => a.period.localeCompare(b.period));
        expect(card.sparkline?.values ?? []).toEqual(inWindow.map((m) => m.value));
        expect(inWindow.length).toBeGreaterThanOrEqual(view.frequency === "quarterly" ? 2 : 10);
        const prior = raw.ms.find((m) => m.kpiId === card.id && m.period === view.priorPeriod);
        expect(card.priorValue).toBe(prior?.value ?? null);
      }
      cardCount += cards.length;
    }
    expect(cardCount).toBe(model.kpiCount);
    // Another scorecard's or team's perspective: tests/integration/kpi-cards.test.ts.
    expect(await loadKpiCards(ctx(), acme, scorecardId, crypto.randomUUID(), {})).toBeNull();
  });

  it("is not found for an unknown scorecard or another team's scorecard", async () => {
    const { db } = await getDbHandle();
    const globex = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!;
    const [globexCard] = await inTeam(globex!.id, (tx) => tx.select().from(scorecards));
    expect(await loadDashboard(ctx(), acme, crypto.randomUUID(), {})).toBeNull();
    expect(await loadDashboard(ctx(), acme, globexCard!.id, {})).toBeNull();
  });
});

describe("the team overview", () => {
  it("shows every scorecard with the dashboard's own health, and every journey with its stage health", async () => {
    const summary = await loadTeamSummary(ctx(), acme);
    const { model } = (await loadDashboard(ctx(), acme, scorecardId, {}))!;
    const card = summary.scorecards.find((s) => s.id === scorecardId)!;
    expect([card.score, card.status, card.previousScore, card.trend]).toEqual([model.overall.score, model.overall.status, model.overall.previousScore, model.overall.trend]);
    expect(card.perspectives.map((p) => p.score)).toEqual(model.perspectives.map((p) => p.score));
    expect(card.kpiStatus).toEqual(model.statusCounts);

    const journey = summary.journeys.find((j) => j.name === "Weekend hiker")!;
    expect(journey.stages.map((s) => s.name)).toEqual(["Discovery", "Evaluation", "Purchase", "Onboarding", "Usage", "Support"]);
    expect(journey.gaps).toBe(1);
    // With only the seeded scorecard serving the journey, a stage's health is the heatmap's "all perspectives" cell.
    expect(summary.scorecards).toHaveLength(1);
    expect(journey.stages.map((s) => s.score)).toEqual(model.heatmaps[0]!.overall.map((c) => c.score));
    expect(journey.score).toBe(stageHealth(journey.stages.map((s) => ({ score: s.score, weight: 1 }))).score);
  });
});

/** A scorecard several times the seed's size, owned, staged and measured like it. */
async function largeScorecard(): Promise<string> {
  return inTeam(acme.id, async (tx) => {
    const [owner] = await tx.select({ id: users.id }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.teamId, acme.id)).limit(1);
    const [journey] = await tx.select().from(journeys).where(eq(journeys.teamId, acme.id)).limit(1);
    const stageRows = await tx.select().from(stages).where(and(eq(stages.teamId, acme.id), eq(stages.journeyId, journey!.id)));
    const [card] = await tx.insert(scorecards).values({ teamId: acme.id, name: "Large", journeyId: journey!.id }).returning();
    const months = Array.from({ length: 24 }, (_, i) => {
      const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - i, 1));
      return d.toISOString().slice(0, 10);
    });
    for (let p = 0; p < 5; p++) {
      const [perspective] = await tx.insert(perspectives).values({ teamId: acme.id, scorecardId: card!.id, kind: "customer", name: `P${p}`, position: p }).returning();
      for (let o = 0; o < 4; o++) {
        const [objective] = await tx
          .insert(objectives)
          .values({ teamId: acme.id, scorecardId: card!.id, perspectiveId: perspective!.id, title: `O${p}.${o}`, position: o, ownerId: owner!.id })
          .returning();
        await tx.insert(objectiveStages).values(stageRows.slice(o, o + 2).map((s) => ({ teamId: acme.id, objectiveId: objective!.id, stageId: s.id })));
        await tx.insert(initiatives).values({ teamId: acme.id, objectiveId: objective!.id, title: `I${p}.${o}`, dueDate: "2020-01-01", status: "in_progress", ownerId: owner!.id });
        for (let k = 0; k < 4; k++) {
          const [kpi] = await tx
            .insert(kpis)
            .values({ teamId: acme.id, objectiveId: objective!.id, name: `K${p}.${o}.${k}`, unit: "count", direction: "up", target: 100, redThreshold: 50, frequency: "monthly", indicator: "lagging", position: k, ownerId: owner!.id })
            .returning();
          await tx.insert(measurements).values(months.map((period, i) => ({ teamId: acme.id, kpiId: kpi!.id, period, value: 40 + i * 3 })));
        }
      }
    }
    return card!.id;
  });
}

describe("query count", () => {
  it("of the page and of a perspective's cards is the same for the seeded scorecard and one five times its size", async () => {
    // A data version no kept model has: every load below reads the database.
    let unseen = 1_000_000_000;
    const unkept = () => ({ ...acme, dataVersion: unseen++ });
    const load = (id: string) => countQueries(async () => (await loadDashboard(ctx(), unkept(), id, {}))!.model);
    const cards = (id: string, model: { perspectives: Array<{ id: string }> }) => countQueries(async () => (await loadKpiCards(ctx(), unkept(), id, model.perspectives[0]!.id, {}))!.kpis.length);
    const small = await load(scorecardId);
    const largeId = await largeScorecard();
    const large = await load(largeId);
    expect(small.result.kpiCount).toBeGreaterThanOrEqual(16);
    expect(large.result.kpiCount).toBe(80);
    expect(large.count).toBe(small.count);
    // 8 reads and the RLS binding; with the session and the team lookup the page stays within
    // the 10-statement budget (bench/). The cards fetch the history of one perspective on top.
    expect(large.count).toBeLessThanOrEqual(9);
    const smallCards = await cards(scorecardId, small.result);
    const largeCards = await cards(largeId, large.result);
    expect(largeCards.result).toBe(16);
    expect(largeCards.count).toBe(smallCards.count);
    expect(largeCards.count).toBe(large.count + 1);
    // Behind a kept model (the page has just been built), the cards read only their history.
    const kept = { ...acme, dataVersion: unseen++ };
    await loadDashboard(ctx(), kept, largeId, {});
    const keptCards = await countQueries(async () => (await loadKpiCards(ctx(), kept, largeId, large.result.perspectives[0]!.id, {}))!.kpis.length);
    expect(keptCards.result).toBe(16);
    expect(keptCards.count).toBe(2);
    console.log(`dashboard load: ${small.count} statements for ${small.result.kpiCount} KPIs and for ${large.result.kpiCount} KPIs; a perspective's cards: ${largeCards.count}`);
  });

  it("of the team overview is kept until the team's data version moves", async () => {
    // As the page does: the team row read at the start of the request, with its data version.
    const teamRow = async () => (await (await getDbHandle()).db.select().from(teams).where(eq(teams.id, acme.id)))[0]!;
    const team = await teamRow();
    const first = await loadTeamSummary(ctx(), team);
    const kept = await countQueries(() => loadTeamSummary(ctx(), team));
    expect(kept.count).toBe(0);
    expect(kept.result).toBe(first);
    const card = await largeScorecard();
    await inTeam(acme.id, (tx) => recordChange(tx, ctx(), { actorId: null, entityType: "scorecard", entityId: card, action: "create", field: null, before: null, after: { name: "Large" } }, { version: 1 }));
    const after = await teamRow();
    expect(after.dataVersion).toBeGreaterThan(team.dataVersion);
    const rebuilt = await countQueries(() => loadTeamSummary(ctx(), after));
    expect(rebuilt.count).toBeGreaterThan(0);
    expect(first.scorecards.map((c) => c.id)).not.toContain(card);
    expect(rebuilt.result.scorecards.map((c) => c.id)).toContain(card);
  });

  it("of the team overview does not grow with the number of scorecards", async () => {
    // A data version no kept summary has: both loads read the database.
    const one = await countQueries(() => loadTeamSummary(ctx(), { ...acme, dataVersion: 2_000_000_000 }));
    await largeScorecard();
    const more = await countQueries(() => loadTeamSummary(ctx(), { ...acme, dataVersion: 2_000_000_001 }));
    expect(more.result.scorecards.length).toBe(one.result.scorecards.length + 1);
    expect(more.count).toBe(one.count);
  });
});
