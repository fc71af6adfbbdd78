// A KPI's values in the dashboard's history window (what the sparkline shows): the members' route
// returns them when a detail chart is opened, and the share site's KPI chart page shows them
// behind a live token without counting a view, refusing a dead token and any KPI that is not on
// the shared scorecard with the same 404. (Each principal on the members' route: access-matrix.)
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as teamHistory } from "@/app/t/[team]/dashboards/[scorecardId]/kpis/[kpiId]/history/route";
import { getDbHandle } from "@/db/client";
import { insertShareLink, revokeShareLinkRow } from "@/db/queries/share-links";
import { kpis, measurements, objectives, perspectives, scorecards, shareLinks, teams, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { loadDashboard } from "@/lib/dashboards/load-dashboard";
import { formatPeriod } from "@/lib/periods";
import { issueShareToken } from "@/lib/sharing/share-token";
import { getServerSideProps as kpiChartPage } from "@/pages/share/[token]/kpis/[kpiId]";
import { serverSideProps } from "../support/pages";
import { sessionCookieFor } from "../support/sessions";

let acme: Team;
let globex: Team;
let scorecardId: string;
let kpiId: string;
let otherScorecardKpiId: string;
let globexKpiId: string;
let cookie: string;
let window: { from: string; to: string };
let expected: Array<{ period: string; label: string; value: number }>;

const kpiOf = async (team: Team, scorecard: string) =>
  (
    await inTeam(team.id, (tx) =>
      tx
        .select({ id: kpis.id })
        .from(kpis)
        .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
        .where(eq(objectives.scorecardId, scorecard))
        .limit(1),
    )
  )[0]!.id;

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  globex = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!;
  scorecardId = (await inTeam(acme.id, (tx) => tx.select().from(scorecards)))[0]!.id;
  kpiId = await kpiOf(acme, scorecardId);
  const globexCard = (await inTeam(globex.id, (tx) => tx.select().from(scorecards)))[0]!.id;
  globexKpiId = await inTeam(globex.id, async (tx) => {
    const [p] = await tx.insert(perspectives).values({ teamId: globex.id, scorecardId: globexCard, kind: "customer", name: "Customer", position: 0 }).returning();
    const [o] = await tx.insert(objectives).values({ teamId: globex.id, scorecardId: globexCard, perspectiveId: p!.id, title: "Delight", position: 0 }).returning();
    const [k] = await tx
      .insert(kpis)
      .values({ teamId: globex.id, objectiveId: o!.id, name: "NPS", unit: "score", direction: "up", target: 50, redThreshold: 10, frequency: "monthly", indicator: "lagging", position: 0 })
      .returning();
    return k!.id;
  });
  // A second scorecard in the same team: its KPI is not on the shared one.
  otherScorecardKpiId = await inTeam(acme.id, async (tx) => {
    const [s] = await tx.insert(scorecards).values({ teamId: acme.id, name: "Second card" }).returning();
    const [p] = await tx.insert(perspectives).values({ teamId: acme.id, scorecardId: s!.id, kind: "financial", name: "Financial", position: 0 }).returning();
    const [o] = await tx.insert(objectives).values({ teamId: acme.id, scorecardId: s!.id, perspectiveId: p!.id, title: "Grow", position: 0 }).returning();
    const [k] = await tx
      .insert(kpis)
      .values({ teamId: acme.id, objectiveId: o!.id, name: "Revenue", unit: "score", direction: "up", target: 10, redThreshold: 1, frequency: "monthly", indicator: "lagging", position: 0 })
      .returning();
    return k!.id;
  });
  cookie = (await sessionCookieFor("viewer@acme.test")).cookie;
  const loaded = (await loadDashboard({ teamId: acme.id }, acme, scorecardId, {}))!;
  window = { from: loaded.model.period.history.from, to: loaded.model.period.history.to };
  // Straight from the table, labelled by the KPI's frequency on the team's calendar.
  expected = await inTeam(acme.id, async (tx) => {
    const [kpi] = await tx.select().from(kpis).where(eq(kpis.id, kpiId));
    const rows = await tx
      .select()
      .from(measurements)
      .where(and(eq(measurements.kpiId, kpiId), gte(measurements.period, window.from), lte(measurements.period, window.to)))
      .orderBy(asc(measurements.period));
    return rows.map((m) => ({ period: m.period, label: formatPeriod(m.period, kpi!.frequency, loaded.calendar), value: m.value }));
  });
  expect(expected.length).toBeGreaterThan(0);
});

const query = (w: Record<string, string> = window) => `?${new URLSearchParams(w)}`;

function getTeam(kpi: string, w?: Record<string, string>, card = scorecardId) {
  const request = new Request(`http://localhost/t/acme/dashboards/${card}/kpis/${kpi}/history${query(w)}`, { headers: { cookie } });
  return teamHistory(request, { params: Promise.resolve({ team: "acme", scorecardId: card, kpiId: kpi }) });
}

/** The chart page at the dashboard's default period, whose history window is `window`. */
async function getShared(token: string, kpi: string) {
  const page = await serverSideProps(kpiChartPage, `/share/${token}/kpis/${kpi}`, { token, kpiId: kpi });
  return { status: page.status, points: page.props.chart?.points ?? null, kpi: page.props.chart?.kpi ?? null };
}

async function newLink() {
  const issued = issueShareToken(acme.id);
  const link = await inTeam(acme.id, (tx) => insertShareLink(tx, { teamId: acme.id }, { scorecardId, tokenHash: issued.tokenHash, label: "Chart test", createdBy: null, expiresAt: null }));
  return { token: issued.token, link };
}

const viewCount = async (id: string) => (await inTeam(acme.id, (tx) => tx.select().from(shareLinks).where(eq(shareLinks.id, id))))[0]!.viewCount;

describe("members' KPI history route", () => {
  it("returns the KPI's values in the window, labelled, as the sparkline shows them", async () => {
    const response = await getTeam(kpiId);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ points: expected });
  });

  it("answers 404 for a KPI of another scorecard or another team, and for a malformed id", async () => {
    expect((await getTeam(otherScorecardKpiId)).status).toBe(404);
    expect((await getTeam(globexKpiId)).status).toBe(404);
    expect((await getTeam("not-a-uuid")).status).toBe(404);
  });

  it("answers 422 naming the field for a missing or reversed window", async () => {
    const missing = await getTeam(kpiId, { from: window.from });
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors).toHaveProperty("to");
    expect((await getTeam(kpiId, { from: window.to, to: window.from })).status).toBe(422);
  });
});

describe("the share site's KPI chart page", () => {
  it("shows the same values behind a live token without counting a view", async () => {
    const { token, link } = await newLink();
    const page = await getShared(token, kpiId);
    expect(page.status).toBe(200);
    expect(page.points).toEqual(expected);
    expect(page.kpi?.id).toBe(kpiId);
    expect(await viewCount(link.id)).toBe(link.viewCount);
  });

  it("refuses a KPI that is not on the shared scorecard, and another team's KPI, with 404", async () => {
    const { token } = await newLink();
    expect((await getShared(token, otherScorecardKpiId)).status).toBe(404);
    expect((await getShared(token, globexKpiId)).status).toBe(404);
  });

  it("refuses a revoked, an expired, a malformed and a forged token with 404", async () => {
    const revoked = await newLink();
    await inTeam(acme.id, (tx) => revokeShareLinkRow(tx, { teamId: acme.id }, revoked.link.id));
    expect((await getShared(revoked.token, kpiId)).status).toBe(404);

    const expired = await newLink();
    await inTeam(acme.id, (tx) => tx.update(shareLinks).set({ expiresAt: new Date(clock.nowMs() - 1000) }).where(eq(shareLinks.id, expired.link.id)));
    expect((await getShared(expired.token, kpiId)).status).toBe(404);

    expect((await getShared("garbage", kpiId)).status).toBe(404);
    // Globex's id with Acme's secret: the hash is looked up only inside the team the token names.
    const live = await newLink();
    expect((await getShared(`${globex.id}.${live.token.split(".")[1]}`, kpiId)).status).toBe(404);
    expect((await getShared(live.token, "not-a-uuid")).status).toBe(404);
  });
});
