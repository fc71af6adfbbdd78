// The dashboard's KPI cards, fetched perspective by perspective as the page scrolls: the members'
// route and the share route return the same cards (the perspective's KPIs with their standing and
// sparkline values, for the period the page shows); the share route counts no view and refuses a
// dead token, a perspective of another scorecard and another team's with the same 404.
// (Each principal on the members' route: access-matrix.)
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as teamCards } from "@/app/t/[team]/dashboards/[scorecardId]/kpis/route";
import { GET as sharedCards } from "@/app/share/[token]/kpis/route";
import { getDbHandle } from "@/db/client";
import { insertShareLink, revokeShareLinkRow } from "@/db/queries/share-links";
import { perspectives, scorecards, shareLinks, teams, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { KpiCardsBody } from "@/lib/dashboards/kpi-cards";
import { loadDashboard } from "@/lib/dashboards/load-dashboard";
import { issueShareToken } from "@/lib/sharing/share-token";
import { sessionCookieFor } from "../support/sessions";

let acme: Team;
let scorecardId: string;
let cookie: string;
let perspectiveIds: string[];
let otherScorecardPerspectiveId: string;
let globexPerspectiveId: string;

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  const globex = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!;
  scorecardId = (await inTeam(acme.id, (tx) => tx.select().from(scorecards)))[0]!.id;
  const { model } = (await loadDashboard({ teamId: acme.id }, acme, scorecardId, {}))!;
  perspectiveIds = model.perspectives.filter((p) => p.objectives.some((o) => o.kpis.length)).map((p) => p.id);
  otherScorecardPerspectiveId = await inTeam(acme.id, async (tx) => {
    const [s] = await tx.insert(scorecards).values({ teamId: acme.id, name: "Another card" }).returning();
    const [p] = await tx.insert(perspectives).values({ teamId: acme.id, scorecardId: s!.id, kind: "financial", name: "Financial", position: 0 }).returning();
    return p!.id;
  });
  globexPerspectiveId = await inTeam(globex.id, async (tx) => {
    const [s] = await tx.insert(scorecards).values({ teamId: globex.id, name: "Globex card" }).returning();
    const [p] = await tx.insert(perspectives).values({ teamId: globex.id, scorecardId: s!.id, kind: "customer", name: "Customer", position: 0 }).returning();
    return p!.id;
  });
  cookie = (await sessionCookieFor("viewer@acme.test")).cookie;
});

function getTeam(query: string, card = scorecardId) {
  const request = new Request(`http://localhost/t/acme/dashboards/${card}/kpis?${query}`, { headers: { cookie } });
  return teamCards(request, { params: Promise.resolve({ team: "acme", scorecardId: card }) });
}

function getShared(token: string, query: string) {
  return sharedCards(new Request(`http://localhost/share/${token}/kpis?${query}`), { params: Promise.resolve({ token }) });
}

async function newLink() {
  const issued = issueShareToken(acme.id);
  const link = await inTeam(acme.id, (tx) => insertShareLink(tx, { teamId: acme.id }, { scorecardId, tokenHash: issued.tokenHash, label: "Cards test", createdBy: null, expiresAt: null }));
  return { token: issued.token, link };
}

describe("members' KPI cards route", () => {
  it("returns each perspective's KPIs once, with values, for the period asked", async () => {
    const { model } = (await loadDashboard({ teamId: acme.id }, acme, scorecardId, { period: "quarter" }))!;
    const seen: string[] = [];
    for (const perspectiveId of perspectiveIds) {
      const response = await getTeam(`period=quarter&perspective=${perspectiveId}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const { objectives, kpis } = (await response.json()) as KpiCardsBody;
      const perspective = model.perspectives.find((p) => p.id === perspectiveId)!;
      expect(objectives.map((o) => [o.id, o.score, o.status])).toEqual(perspective.objectives.map((o) => [o.id, o.score, o.status]));
      const expected = perspective.objectives.flatMap((o) => o.kpis);
      expect(kpis.map((k) => [k.id, k.score, k.status])).toEqual(expected.map((k) => [k.id, k.score, k.status]));
      seen.push(...kpis.map((k) => k.id));
    }
    expect(seen).toHaveLength(model.kpiCount);
    expect(new Set(seen).size).toBe(model.kpiCount);
  });

  it("answers 404 for a missing or malformed perspective, one of another scorecard or team, and a malformed scorecard", async () => {
    expect((await getTeam("")).status).toBe(404);
    expect((await getTeam("perspective=nope")).status).toBe(404);
    expect((await getTeam(`perspective=${otherScorecardPerspectiveId}`)).status).toBe(404);
    expect((await getTeam(`perspective=${globexPerspectiveId}`)).status).toBe(404);
    expect((await getTeam(`perspective=${perspectiveIds[0]}`, "not-a-uuid")).status).toBe(404);
  });
});

describe("shared KPI cards route", () => {
  it("returns the members' cards behind a live token without counting a view", async () => {
    const { token, link } = await newLink();
    const query = `perspective=${perspectiveIds[0]}`;
    const shared = await getShared(token, query);
    expect(shared.status).toBe(200);
    expect(await shared.json()).toEqual(await (await getTeam(query)).json());
    const [after] = await inTeam(acme.id, (tx) => tx.select().from(shareLinks).where(eq(shareLinks.id, link.id)));
    expect(after!.viewCount).toBe(link.viewCount);
  });

  it("refuses a perspective that is not on the shared scorecard, a revoked and a malformed token with 404", async () => {
    const { token, link } = await newLink();
    expect((await getShared(token, `perspective=${otherScorecardPerspectiveId}`)).status).toBe(404);
    expect((await getShared(token, `perspective=${globexPerspectiveId}`)).status).toBe(404);
    await inTeam(acme.id, (tx) => revokeShareLinkRow(tx, { teamId: acme.id }, link.id));
    expect((await getShared(token, `perspective=${perspectiveIds[0]}`)).status).toBe(404);
    expect((await getShared("garbage", `perspective=${perspectiveIds[0]}`)).status).toBe(404);
  });
});
