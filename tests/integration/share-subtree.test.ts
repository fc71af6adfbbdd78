// Share links of a unit's subtree against a real database: "Include the units below" is stored on
// the link; its page is the organisation view of the unit and the units under it (never above or
// beside), each unit's dashboard opens through the same link, and its KPI charts too; a link
// without the option shows only its scorecard's dashboard, as before.
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/dashboards/actions";
import { getDbHandle } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { kpis, measurements, objectives, perspectives, scorecards, shareLinks, teams, type Team, type User } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { localDate } from "@/lib/periods";
import { buildOpenedOrganisation, openShareLink } from "@/lib/sharing/shared-dashboard";
import { countQueries } from "@/db/query-counter";
import SharedDashboardPage, { getServerSideProps as sharePage } from "@/pages/share/[token]";
import SharedKpiChartPage, { getServerSideProps as kpiPage } from "@/pages/share/[token]/kpis/[kpiId]";
import SharedUnitPage, { getServerSideProps as unitPage } from "@/pages/share/[token]/units/[unitId]";
import { ok, run } from "../support/actions";
import { serverSideProps } from "../support/pages";

type Created = { id: string; token: string; includeSubtree: boolean };

let acme: Team;
let editor: User;
let rootId: string;
let east: string;
let west: string;
let eastSales: string;
let eastSalesKpi: string;

/** A unit under `parentId` with one measured KPI per perspective. */
async function unit(name: string, parentId: string): Promise<{ id: string; kpiId: string }> {
  const month = `${localDate(clock.now(), acme.timeZone).slice(0, 7)}-01`;
  return inTeam(acme.id, async (tx) => {
    const [card] = await tx.insert(scorecards).values({ teamId: acme.id, name, parentId }).returning();
    let kpiId = "";
    for (const [position, kind] of (["financial", "customer", "internal", "learning"] as const).entries()) {
      const [p] = await tx.insert(perspectives).values({ teamId: acme.id, scorecardId: card!.id, kind, name: `${name} ${kind}`, position }).returning();
      const [o] = await tx.insert(objectives).values({ teamId: acme.id, scorecardId: card!.id, perspectiveId: p!.id, title: `${name} goal ${position}`, position: 0 }).returning();
      const [k] = await tx
        .insert(kpis)
        .values({ teamId: acme.id, objectiveId: o!.id, name: `${name} measure ${position}`, unit: "count", direction: "up", target: 100, redThreshold: 50, frequency: "monthly", indicator: "lagging", position: 0 })
        .returning();
      await tx.insert(measurements).values({ teamId: acme.id, kpiId: k!.id, period: month, value: 60 + position * 10 });
      kpiId ||= k!.id;
    }
    return { id: card!.id, kpiId };
  });
}

const share = (scorecardId: string, includeSubtree: boolean) =>
  ok<Created>(run("share_links.create", editor, { team: "acme", scorecardId, label: "Board", expiresInDays: "", ...(includeSubtree ? { includeSubtree: "on" } : {}) }));

async function open(token: string, query = "") {
  const page = await serverSideProps(sharePage, `/share/${token}${query}`, { token });
  return { status: page.status, html: renderToStaticMarkup(createElement(SharedDashboardPage, page.props)), props: page.props };
}

async function openUnit(token: string, unitId: string) {
  const page = await serverSideProps(unitPage, `/share/${token}/units/${unitId}`, { token, unitId });
  return { status: page.status, html: renderToStaticMarkup(createElement(SharedUnitPage, page.props)) };
}

async function openChart(token: string, kpiId: string, query = "") {
  const page = await serverSideProps(kpiPage, `/share/${token}/kpis/${kpiId}${query}`, { token, kpiId });
  return { status: page.status, html: renderToStaticMarkup(createElement(SharedKpiChartPage, page.props)) };
}

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  editor = (await findUserByEmail("editor@acme.test"))!;
  rootId = (await inTeam(acme.id, (tx) => tx.select().from(scorecards).where(eq(scorecards.name, "Acme Outdoor 2026"))))[0]!.id;
  east = (await unit("Division East", rootId)).id;
  west = (await unit("Division West", rootId)).id;
  const sales = await unit("East Sales", east);
  eastSales = sales.id;
  eastSalesKpi = sales.kpiId;
});

describe("a share link that includes the units below", () => {
  it("is stored with the option, and a link without it is not", async () => {
    const withUnits = await share(east, true);
    const without = await share(east, false);
    expect(withUnits.includeSubtree).toBe(true);
    expect(without.includeSubtree).toBe(false);
    const rows = await inTeam(acme.id, (tx) => tx.select().from(shareLinks).where(eq(shareLinks.scorecardId, east)));
    expect(new Map(rows.map((r) => [r.id, r.includeSubtree]))).toEqual(new Map([[withUnits.id, true], [without.id, false]]));
  });

  it("opens the organisation view of its subtree: the unit and the units below, not its sibling nor its parent", async () => {
    const { token } = await share(east, true);
    const page = await open(token);
    expect(page.status).toBe(200);
    expect(page.props.organisation!.model.units.map((u) => u.id)).toEqual([east, eastSales]);
    expect(page.html).toContain("Division East: organisation");
    expect(page.html).toContain("East Sales");
    expect(page.html).not.toContain("Division West");
    expect(page.html).not.toContain("Acme Outdoor 2026");
    for (const id of [east, eastSales]) expect(page.html).toContain(`href="/share/${encodeURIComponent(token)}/units/${id}?period=`);
  });

  it("opens each unit of the subtree, and a 404 for a unit above or beside it", async () => {
    const { token } = await share(east, true);
    const sales = await openUnit(token, eastSales);
    expect(sales.status).toBe(200);
    expect(sales.html).toContain("East Sales measure 0");
    expect(sales.html).toContain("Back to the organisation");
    expect(sales.html).toContain(`href="/share/${encodeURIComponent(token)}/kpis/${eastSalesKpi}?period=`);
    expect((await openUnit(token, east)).status).toBe(200);
    for (const outside of [west, rootId]) {
      const page = await openUnit(token, outside);
      expect(page.status).toBe(404);
      expect(page.html).toContain("This share link does not work");
      expect(page.html).not.toContain("Division West");
    }
  });

  it("opens a unit's KPI chart with the unit named, and not without it", async () => {
    const { token } = await share(east, true);
    const chart = await openChart(token, eastSalesKpi, `?unit=${eastSales}`);
    expect(chart.status).toBe(200);
    expect(chart.html).toContain("East Sales measure 0");
    expect(chart.html).toContain(`href="/share/${encodeURIComponent(token)}/units/${eastSales}?period=`);
    expect((await openChart(token, eastSalesKpi)).status).toBe(404);
    expect((await openChart(token, eastSalesKpi, `?unit=${west}`)).status).toBe(404);
  });
});

describe("the shared organisation view's query count", () => {
  it("does not grow with the units of the subtree", async () => {
    const { token } = await share(east, true);
    // Two periods no kept model has: both opens read the database.
    const openAt = async (period: string) => {
      const opened = (await openShareLink(token, { period }))!;
      return (await buildOpenedOrganisation(opened, { period }))!.model.units.length;
    };
    const before = await countQueries(() => openAt("quarter"));
    await unit("East Support", east);
    await unit("East Ops", east);
    const after = await countQueries(() => openAt("year"));
    expect(after.result).toBe(before.result + 2);
    expect(after.count).toBe(before.count);
  });
});

describe("a share link without the option", () => {
  it("shows only its scorecard's dashboard, as before, and no unit below", async () => {
    const { token } = await share(east, false);
    const page = await open(token);
    expect(page.status).toBe(200);
    expect(page.props.organisation).toBeUndefined();
    expect(page.props.shared!.model.scorecard.id).toBe(east);
    expect(page.html).toContain("Division East measure 0");
    expect(page.html).not.toContain("East Sales");
    expect(page.html).not.toContain('data-testid="org-units"');
    expect((await openUnit(token, eastSales)).status).toBe(404);
    expect((await openUnit(token, east)).status).toBe(404);
    expect((await openChart(token, eastSalesKpi, `?unit=${eastSales}`)).status).toBe(404);
  });
});
