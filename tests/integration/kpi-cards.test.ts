// The dashboard's KPI cards: the members' route returns one perspective's (fetched as the page
// scrolls), the share page renders every perspective's with the page — the same cards (the
// perspective's KPIs with their standing and sparkline values, for the period the page shows).
// (Each principal on the members' route: access-matrix; the share page's 404s: share-links.)
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as teamCards } from "@/app/t/[team]/dashboards/[scorecardId]/kpis/route";
import { getDbHandle } from "@/db/client";
import { insertShareLink, revokeShareLinkRow } from "@/db/queries/share-links";
import { perspectives, scorecards, shareLinks, teams, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { KpiCardsBody } from "@/lib/dashboards/kpi-cards";
import { loadDashboard } from "@/lib/dashboards/load-dashboard";
import { issueShareToken } from "@/lib/sharing/share-token";
import { flushShareViews } from "@/lib/sharing/share-views";
import { getServerSideProps as sharePage } from "@/pages/share/[token]";
import { serverSideProps } from "../support/pages";
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
  return serverSideProps(sharePage, `/share/${token}?${query}`, { token });
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

describe("the share page's KPI cards", () => {
  it("are the members' cards of every perspective, for the period in the query, counted as one view", async () => {
    const { token, link } = await newLink();
    for (const period of ["", "period=quarter"]) {
      const shared = await getShared(token, period);
      expect(shared.status).toBe(200);
      for (const perspectiveId of perspectiveIds) {
        const members = await getTeam(`${period}&perspective=${perspectiveId}`);
        expect(shared.props.shared!.cards[perspectiveId]).toEqual(await members.json());
      }
    }
    await flushShareViews();
    const [after] = await inTeam(acme.id, (tx) => tx.select().from(shareLinks).where(eq(shareLinks.id, link.id)));
    expect(after!.viewCount).toBe(link.viewCount + 2);
  });

  it("are not there behind a revoked or a malformed token (404)", async () => {
    const { token, link } = await newLink();
    await inTeam(acme.id, (tx) => revokeShareLinkRow(tx, { teamId: acme.id }, link.id));
    for (const dead of [token, "garbage"]) {
      const shared = await getShared(dead, "");
      expect(shared.status).toBe(404);
      expect(shared.props.shared).toBeNull();
    }
  });
});
