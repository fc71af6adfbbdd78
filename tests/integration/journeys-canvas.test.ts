// The journey canvas read path: a constant number of queries whatever the journey's size
// (6 stages with a few cards vs 12 stages with 100 cards each), and what it shows for the
// demo journey: stage health from the scoring module and the adoption panel's leading and
// lagging indicators.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { loadJourneyCanvas } from "@/db/queries/journeys";
import { countQueries } from "@/db/query-counter";
import { journeys, kpis, measurements, objectiveStages, objectives, perspectives, scorecards, stageNotes, stages, teams, touchpoints } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { GET as stageKpisRoute } from "@/app/t/[team]/journeys/[journeyId]/stages/[stageId]/kpis/route";
import { buildCanvas, canvasForPage, STAGE_KPIS_SHOWN, type CanvasStageKpi } from "@/lib/journeys/canvas";
import { emotionCurve } from "@/lib/journeys/emotion";
import { loadKeptCanvas } from "@/lib/journeys/kept-canvas";
import { periodsBetween, previousPeriod, currentPeriod } from "@/lib/periods";
import { teamToday } from "@/lib/scorecards/evaluate";
import { sessionCookieFor } from "../support/sessions";

let acmeId = "";
let calendar = { timeZone: "UTC", fiscalYearStartMonth: 1 };

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  const [acme] = await db.select().from(teams).where(eq(teams.slug, "acme"));
  acmeId = acme!.id;
  calendar = { timeZone: acme!.timeZone, fiscalYearStartMonth: acme!.fiscalYearStartMonth };
}, 120_000);

/** A journey of `stageCount` stages, `cardsPerStage` cards in each (touchpoints and notes), every stage served by one objective with two KPIs and a year of values. */
async function journeyOfSize(stageCount: number, cardsPerStage: number) {
  return inTeam(acmeId, async (tx) => {
    const teamId = acmeId;
    const [journey] = await tx.insert(journeys).values({ teamId, name: `Size ${stageCount}×${cardsPerStage}` }).returning();
    const stageRows = await tx
      .insert(stages)
      .values(Array.from({ length: stageCount }, (_, i) => ({ teamId, journeyId: journey!.id, name: `Stage ${i + 1}`, position: i, emotion: (i % 5) - 2 })))
      .returning();
    const cards = stageRows.flatMap((stage) => Array.from({ length: cardsPerStage }, (_, i) => ({ stage, i })));
    const tps = cards.filter((c) => c.i % 3 === 0).map(({ stage, i }) => ({ teamId, stageId: stage.id, channel: "website" as const, description: `Touchpoint ${i}`, position: i }));
    const notes = cards.filter((c) => c.i % 3 !== 0).map(({ stage, i }) => ({ teamId, stageId: stage.id, kind: i % 3 === 1 ? ("pain_point" as const) : ("opportunity" as const), text: `Note ${i}`, position: i }));
    for (let i = 0; i < tps.length; i += 500) await tx.insert(touchpoints).values(tps.slice(i, i + 500));
    for (let i = 0; i < notes.length; i += 500) await tx.insert(stageNotes).values(notes.slice(i, i + 500));

    const [card] = await tx.insert(scorecards).values({ teamId, name: `Card ${stageCount}`, journeyId: journey!.id }).returning();
    const [perspective] = await tx.insert(perspectives).values({ teamId, scorecardId: card!.id, kind: "customer", name: "Customer", position: 0 }).returning();
    const objectiveRows = await tx
      .insert(objectives)
      .values(stageRows.map((s, i) => ({ teamId, scorecardId: card!.id, perspectiveId: perspective!.id, title: `Serve ${s.name}`, position: i })))
      .returning();
    await tx.insert(objectiveStages).values(objectiveRows.map((o, i) => ({ teamId, objectiveId: o.id, stageId: stageRows[i]!.id })));
    const kpiRows = await tx
      .insert(kpis)
      .values(
        objectiveRows.flatMap((o, i) => [
          { teamId, objectiveId: o.id, name: `Leading ${i}`, unit: "percent" as const, direction: "up" as const, target: 50, redThreshold: 20, frequency: "monthly" as const, indicator: "leading" as const, position: 0 },
          { teamId, objectiveId: o.id, name: `Lagging ${i}`, unit: "percent" as const, direction: "up" as const, target: 80, redThreshold: 60, frequency: "monthly" as const, indicator: "lagging" as const, position: 1 },
        ]),
      )
      .returning();
    const last = previousPeriod(currentPeriod(clock.now(), "monthly", calendar), "monthly", calendar);
    let first = last;
    for (let i = 0; i < 11; i++) first = previousPeriod(first, "monthly", calendar);
    const periods = periodsBetween(first, last, "monthly", calendar);
    await tx.insert(measurements).values(kpiRows.flatMap((k) => periods.map((period, i) => ({ teamId, kpiId: k.id, period, value: 40 + i * 3 }))));
    return journey!.id;
  });
}

async function measuredLoad(journeyId: string) {
  const asOf = teamToday(calendar);
  return countQueries(() => inTeam(acmeId, (tx) => loadJourneyCanvas(tx, { teamId: acmeId }, journeyId, asOf)));
}

describe("the canvas loads in a constant number of queries", () => {
  it("is the same for 6 stages × 6 cards and 12 stages × 100 cards", async () => {
    const small = await journeyOfSize(6, 6);
    const large = await journeyOfSize(12, 100);
    const a = await measuredLoad(small);
    const b = await measuredLoad(large);
    expect(a.result!.stages).toHaveLength(6);
    expect(b.result!.stages).toHaveLength(12);
    expect(b.result!.stages.reduce((n, s) => n + s.touchpoints.length + s.painPoints.length + s.opportunities.length, 0)).toBe(1200);
    expect(b.result!.alignment.kpis).toHaveLength(24);
    console.log(`canvas queries: ${a.count} (6 stages, 36 cards, 6 objectives, 12 KPIs) vs ${b.count} (12 stages, 1200 cards, 12 objectives, 24 KPIs)`);
    expect(b.count).toBe(a.count);
    // set_config + journey + stages + touchpoints + notes + 4 alignment queries + members
    expect(a.count).toBeLessThanOrEqual(10);

    const canvas = buildCanvas(b.result!, teamToday(calendar), calendar);
    expect(canvas.stages.every((s) => s.health.total === 1 && s.objectives.length === 1 && s.kpis.length === 2)).toBe(true);
  });

  it("answers undefined for another team's journey (the page shows 404)", async () => {
    const { db } = await getDbHandle();
    const [globex] = await db.select().from(teams).where(eq(teams.slug, "globex"));
    const [acmeJourney] = await inTeam(acmeId, (tx) => tx.select().from(journeys).limit(1));
    const loaded = await inTeam(globex!.id, (tx) => loadJourneyCanvas(tx, { teamId: globex!.id }, acmeJourney!.id, "2026-01-01"));
    expect(loaded).toBeUndefined();
  });
});

describe("the demo journey's canvas", () => {
  it("shows stage health, linked objectives, and the adoption panel with leading next to lagging indicators", async () => {
    const [hiker] = await inTeam(acmeId, (tx) => tx.select().from(journeys).where(eq(journeys.name, "Weekend hiker")));
    const asOf = teamToday(calendar);
    const data = await inTeam(acmeId, (tx) => loadJourneyCanvas(tx, { teamId: acmeId }, hiker!.id, asOf));
    const canvas = buildCanvas(data!, asOf, calendar);
    expect(canvas.stages.map((s) => s.name)).toEqual(["Discovery", "Evaluation", "Purchase", "Onboarding", "Usage", "Support"]);
    // Discovery serves no objective: grey. Every other stage is served and has data.
    expect(canvas.stages[0]!.health.status).toBe("grey");
    for (const stage of canvas.stages.slice(1)) {
      expect(stage.objectives.length, stage.name).toBeGreaterThan(0);
      expect(["green", "amber", "red"], stage.name).toContain(stage.health.status);
    }
    expect(canvas.stages[3]!.objectives.map((o) => o.title)).toEqual(["Make the first trip a success", "Ship orders right and on time"]);

    expect(canvas.adoption).toMatchObject({ stageName: "Onboarding" });
    expect(canvas.adoption!.leading.map((k) => k.name)).toEqual(expect.arrayContaining(["Activation rate", "Time to first value (days)"]));
    expect(canvas.adoption!.lagging.map((k) => k.name)).toEqual(expect.arrayContaining(["Customer retention rate", "On-time delivery"]));
    expect(canvas.adoption!.leading.every((k) => k.indicator === "leading" && k.value !== "—")).toBe(true);

    expect(canvas.stages[0]!.touchpoints.map((t) => t.channel)).toEqual(["social", "website", "partner"]);
    expect(canvas.stages[3]!.painPoints.map((n) => n.text)).toEqual(["Boots arrive without break-in advice", "Setup video buried in e-mail"]);
    expect(canvas.members.map((m) => m.name)).toContain("Eli Novak");
    expect(emotionCurve(canvas.stages).data).toBe("Discovery:1|Evaluation:0|Purchase:0|Onboarding:-1|Usage:1|Support:-1");
  });
});

describe("the kept canvas", () => {
  const teamRow = async () => (await (await getDbHandle()).db.select().from(teams).where(eq(teams.id, acmeId)))[0]!;

  it("is built once per data version, sends each stage's KPIs as they are shown, and is rebuilt after a change", async () => {
    const [hiker] = await inTeam(acmeId, (tx) => tx.select().from(journeys).where(eq(journeys.name, "Weekend hiker")));
    const team = await teamRow();
    const first = await countQueries(() => loadKeptCanvas({ teamId: acmeId }, team, hiker!.id));
    expect(first.count).toBeGreaterThan(0);
    const kept = await countQueries(() => loadKeptCanvas({ teamId: acmeId }, team, hiker!.id));
    expect(kept.count).toBe(0);
    expect(kept.result).toBe(first.result);
    // Display-ready and nothing more: a value formatted with its unit, no thresholds or ids of other rows.
    const kpi = first.result!.stages.flatMap((s) => s.kpis)[0]!;
    expect(Object.keys(kpi).sort()).toEqual(["id", "indicator", "name", "objectiveTitle", "stale", "status", "thresholds", "value"]);
    expect(typeof kpi.value).toBe("string");

    await inTeam(acmeId, (tx) => recordChange(tx, { teamId: acmeId }, { actorId: null, entityType: "journey", entityId: hiker!.id, action: "update", field: "name", before: "a", after: "b" }, { version: 1 }));
    const after = await teamRow();
    expect(after.dataVersion).toBeGreaterThan(team.dataVersion);
    const rebuilt = await countQueries(() => loadKeptCanvas({ teamId: acmeId }, after, hiker!.id));
    expect(rebuilt.count).toBeGreaterThan(0);
    expect(await loadKeptCanvas({ teamId: acmeId }, after, crypto.randomUUID())).toBeNull();
  });
});

/** One stage served by one objective with ten KPIs: green, red, amber and unmeasured in turn. */
async function crowdedStage() {
  return inTeam(acmeId, async (tx) => {
    const teamId = acmeId;
    const [journey] = await tx.insert(journeys).values({ teamId, name: "Crowded" }).returning();
    const [stage] = await tx.insert(stages).values({ teamId, journeyId: journey!.id, name: "Usage", position: 0 }).returning();
    const [card] = await tx.insert(scorecards).values({ teamId, name: "Crowded card", journeyId: journey!.id }).returning();
    const [perspective] = await tx.insert(perspectives).values({ teamId, scorecardId: card!.id, kind: "customer", name: "Customer", position: 0 }).returning();
    const [objective] = await tx.insert(objectives).values({ teamId, scorecardId: card!.id, perspectiveId: perspective!.id, title: "Keep them", position: 0 }).returning();
    await tx.insert(objectiveStages).values({ teamId, objectiveId: objective!.id, stageId: stage!.id });
    const kpiRows = await tx
      .insert(kpis)
      .values(
        Array.from({ length: 10 }, (_, i) => ({
          teamId, objectiveId: objective!.id, name: `KPI ${i}`, unit: "percent" as const, direction: "up" as const, target: 50, redThreshold: 20,
          frequency: "monthly" as const, indicator: i % 2 ? ("lagging" as const) : ("leading" as const), position: i,
        })),
      )
      .returning();
    const period = previousPeriod(currentPeriod(clock.now(), "monthly", calendar), "monthly", calendar);
    const VALUE = [60, 10, 30, null] as const;
    const measured = kpiRows.flatMap((k, i) => (VALUE[i % 4] === null ? [] : [{ teamId, kpiId: k.id, period, value: VALUE[i % 4]! }]));
    await tx.insert(measurements).values(measured);
    return { journeyId: journey!.id, stageId: stage!.id };
  });
}

describe("a stage with more KPIs than the canvas draws", () => {
  const get = (cookie: string | null, team: string, journeyId: string, stageId: string) =>
    stageKpisRoute(new Request(`http://localhost/t/${team}/journeys/${journeyId}/stages/${stageId}/kpis`, { headers: cookie ? { cookie } : {} }), {
      params: Promise.resolve({ team, journeyId, stageId }),
    });

  it("sends its worst few with the count of all, and answers the whole list worst first on request", async () => {
    const { journeyId, stageId } = await crowdedStage();
    const team = (await (await getDbHandle()).db.select().from(teams).where(eq(teams.id, acmeId)))[0]!;
    const canvas = (await loadKeptCanvas({ teamId: acmeId }, team, journeyId))!;
    const [stage] = canvas.stages;
    expect(stage!.kpiCount).toBe(10);
    expect(stage!.kpis.map((k) => k.status)).toEqual(["red", "red", "red", "amber", "amber", "grey", "grey", "green", "green", "green"]);
    // Equal statuses keep the objective's order.
    expect(stage!.kpis.map((k) => k.name)).toEqual(["KPI 1", "KPI 5", "KPI 9", "KPI 2", "KPI 6", "KPI 3", "KPI 7", "KPI 0", "KPI 4", "KPI 8"]);

    const page = canvasForPage(canvas);
    expect(page.stages[0]!.kpis).toHaveLength(STAGE_KPIS_SHOWN);
    expect(page.stages[0]!.kpis).toEqual(stage!.kpis.slice(0, STAGE_KPIS_SHOWN));
    expect(page.stages[0]!.kpiCount).toBe(10);
    // The model kept for the next request is not trimmed.
    expect(canvas.stages[0]!.kpis).toHaveLength(10);

    const viewer = await sessionCookieFor("viewer@acme.test");
    const response = await get(viewer.cookie, "acme", journeyId, stageId);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const body = (await response.json()) as { kpis: CanvasStageKpi[] };
    expect(body.kpis).toEqual(stage!.kpis);
  });

  it("is a 404 for another team, an unknown stage or a malformed id, and a 401 without a session", async () => {
    const { journeyId, stageId } = await crowdedStage();
    const viewer = await sessionCookieFor("viewer@acme.test");
    const outsider = await sessionCookieFor("owner@globex.test");
    expect((await get(outsider.cookie, "acme", journeyId, stageId)).status).toBe(404);
    expect((await get(outsider.cookie, "globex", journeyId, stageId)).status).toBe(404);
    expect((await get(viewer.cookie, "acme", journeyId, crypto.randomUUID())).status).toBe(404);
    const malformed = await get(viewer.cookie, "acme", journeyId, "not-a-stage");
    expect(malformed.status).toBe(404);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
    expect((await get(null, "acme", journeyId, stageId)).status).toBe(401);
  });
});
