// The organisation dashboard against a real database: a company scorecard with divisions and a
// department below (inserted with parent_id directly). Each unit's row and heatmap cells are the
// figures of that unit's own dashboard, the subtree stops at the unit asked for, archived units
// are left out, another team's scorecard is not found, and the statements read do not grow with
// the number of units.
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { OrgDashboardView } from "@/components/dashboard/org-dashboard-view";
import { getDbHandle } from "@/db/client";
import { countQueries } from "@/db/query-counter";
import { initiatives, kpis, measurements, memberships, objectives, perspectives, scorecards, teams, users, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { loadDashboard, loadTeamSummary } from "@/lib/dashboards/load-dashboard";
import { organisationRoots } from "@/lib/dashboards/team-overview";
import { loadOrgDashboard } from "@/lib/dashboards/load-org-dashboard";
import { PERSPECTIVE_KINDS } from "@/lib/kpi-library";
import { localDate } from "@/lib/periods";
import { rollupScorecard } from "@/lib/scoring";

let acme: Team;
let globex: Team;
let today: string;
let rootId: string;
let unseen = 3_000_000_000;
/** A data version no kept model has: every load reads the database. */
const unkept = () => ({ ...acme, dataVersion: unseen++ });
const ctx = () => ({ teamId: acme.id });

const months = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - i, 1)).toISOString().slice(0, 10));

/** A unit scorecard under `parentId`: four perspectives, one objective each, two monthly KPIs each, `level` shifting its values. */
async function unit(name: string, parentId: string | null, level: number, options: { archived?: boolean } = {}): Promise<string> {
  return inTeam(acme.id, async (tx) => {
    const [owner] = await tx.select({ id: users.id }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.teamId, acme.id)).limit(1);
    const [card] = await tx
      .insert(scorecards)
      .values({ teamId: acme.id, name, parentId, archivedAt: options.archived ? clock.now() : null })
      .returning();
    for (const [p, kind] of PERSPECTIVE_KINDS.entries()) {
      const [perspective] = await tx.insert(perspectives).values({ teamId: acme.id, scorecardId: card!.id, kind, name: `${name} ${kind}`, position: p, weight: 1 + p }).returning();
      const [objective] = await tx
        .insert(objectives)
        .values({ teamId: acme.id, scorecardId: card!.id, perspectiveId: perspective!.id, title: `${name} objective ${p}`, position: 0, ownerId: owner!.id })
        .returning();
      await tx.insert(initiatives).values({ teamId: acme.id, objectiveId: objective!.id, title: `${name} initiative ${p}`, dueDate: "2020-01-01", status: "in_progress", ownerId: owner!.id });
      for (let k = 0; k < 2; k++) {
        const [kpi] = await tx
          .insert(kpis)
          .values({ teamId: acme.id, objectiveId: objective!.id, name: `${name} KPI ${p}.${k}`, unit: "count", direction: "up", target: 100, redThreshold: 50, frequency: "monthly", indicator: "lagging", position: k, ownerId: owner!.id })
          .returning();
        // The last KPI of the learning perspective never reports: "no current value".
        if (kind === "learning" && k === 1) continue;
        await tx.insert(measurements).values(months(4).map((period, i) => ({ teamId: acme.id, kpiId: kpi!.id, period, value: 30 + level * 15 + p * 10 + k * 5 - i * 4 })));
      }
    }
    return card!.id;
  });
}

let east: string;
let west: string;
let eastSales: string;

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  globex = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!;
  today = localDate(clock.now(), acme.timeZone);
  const [card] = await inTeam(acme.id, (tx) => tx.select().from(scorecards).where(eq(scorecards.name, "Acme Outdoor 2026")));
  rootId = card!.id;
  east = await unit("Division East", rootId, 1);
  west = await unit("Division West", rootId, 3);
  eastSales = await unit("East Sales", east, 2);
  await unit("Old division", rootId, 0, { archived: true });
});

describe("the organisation dashboard's units", () => {
  it("are the unit and its live descendants, depth first by name, indented by depth", async () => {
    const model = (await loadOrgDashboard(ctx(), unkept(), rootId, {}))!;
    expect(model.root.id).toBe(rootId);
    expect(model.units.map((u) => [u.name, u.depth, u.childCount])).toEqual([
      ["Acme Outdoor 2026", 0, 2],
      ["Division East", 1, 1],
      ["East Sales", 2, 0],
      ["Division West", 1, 0],
    ]);
    expect(model.kinds.map((k) => k.label)).toEqual(["Financial", "Customer", "Internal processes", "Learning & growth"]);
  });

  it("of a division stop at the division: nothing above or beside it", async () => {
    const model = (await loadOrgDashboard(ctx(), unkept(), east, {}))!;
    expect(model.units.map((u) => [u.id, u.depth])).toEqual([
      [east, 0],
      [eastSales, 1],
    ]);
    expect(model.units.map((u) => u.id)).not.toContain(west);
    expect(model.units.map((u) => u.id)).not.toContain(rootId);
  });

  it("are linked from the dashboards list through their root, which counts its live units", async () => {
    const { scorecards: summaries } = await loadTeamSummary(ctx(), unkept());
    expect(organisationRoots(summaries)).toEqual([{ id: rootId, name: "Acme Outdoor 2026", units: 4 }]);
  });

  it("are not found for another team's scorecard", async () => {
    const [other] = await inTeam(globex.id, (tx) => tx.select().from(scorecards).limit(1));
    expect(await loadOrgDashboard(ctx(), unkept(), other!.id, {})).toBeNull();
  });
});

describe("the organisation dashboard's figures", () => {
  for (const [label, paramsOf] of [
    ["the current month", () => ({})],
    ["a past quarter", () => ({ period: "quarter", at: months(4)[3]! })],
  ] as const) {
    it(`are each unit's own dashboard's, for ${label}`, async () => {
      const params: Record<string, string> = paramsOf();
      const model = (await loadOrgDashboard(ctx(), unkept(), rootId, params))!;
      let scored = 0;
      for (const u of model.units) {
        const own = (await loadDashboard(ctx(), unkept(), u.id, params))!.model;
        expect(own.period).toEqual(model.period);
        expect(u.overall).toEqual(own.overall);
        if (u.overall.score !== null) scored++;
        expect(u.kpiCount).toBe(own.kpiCount);
        expect(u.attention).toEqual(own.attention);
        expect(u.kpisReporting).toBe(own.kpiCount - own.attention.noCurrentValue.length);
        for (const cell of u.perspectives) {
          const of = own.perspectives.filter((p) => p.kind === cell.kind);
          expect(cell.perspectiveCount).toBe(of.length);
          if (of.length === 1) expect([cell.score, cell.status, cell.coverage]).toEqual([of[0]!.score, of[0]!.status, of[0]!.coverage]);
          else if (of.length > 1) expect(cell.score).toBe(rollupScorecard(of.map((p) => ({ score: p.score, weight: p.weight }))).score);
          else expect([cell.score, cell.status]).toEqual([null, "grey"]);
        }
      }
      expect(scored).toBeGreaterThanOrEqual(3);
    });
  }

  it("rank the units as their values say, and list what needs attention per unit", async () => {
    const model = (await loadOrgDashboard(ctx(), unkept(), rootId, {}))!;
    const by = new Map(model.units.map((u) => [u.id, u]));
    // West's values are higher than East Sales', which are higher than East's.
    expect(by.get(west)!.overall.score!).toBeGreaterThan(by.get(eastSales)!.overall.score!);
    expect(by.get(eastSales)!.overall.score!).toBeGreaterThan(by.get(east)!.overall.score!);
    // Each unit has one KPI without a value and four initiatives long past due.
    for (const id of [east, west, eastSales]) {
      expect(by.get(id)!.attention.noCurrentValue.map((k) => k.name)).toEqual([`${by.get(id)!.name} KPI 3.1`]);
      expect(by.get(id)!.attention.pastDue).toHaveLength(4);
      expect(by.get(id)!.kpisReporting).toBe(7);
    }
  });

  it("render as tables with scores and status in words, each unit linking to its own dashboard", async () => {
    const model = (await loadOrgDashboard(ctx(), unkept(), rootId, {}))!;
    const html = renderToStaticMarkup(createElement(OrgDashboardView, { model, basePath: "/org", unitHref: (id: string) => `/d/${id}` }));
    for (const u of model.units) expect(html).toContain(`href="/d/${u.id}"`);
    const west_ = model.units.find((u) => u.id === west)!;
    const heatRow = html.slice(html.indexOf("org-heatmap")).match(new RegExp(`<tr data-unit="${west}">(.*?)</tr>`))![1]!;
    // Overall then the four kinds, each with its score and its status in words.
    const cells = [...heatRow.matchAll(/<strong>([^<]*)<\/strong>.*?<\/svg>([^<]*)<\/span>/g)].map((m) => [m[1], m[2]]);
    const words = { green: "On track", amber: "At risk", red: "Off track", grey: "No data" } as const;
    expect(cells).toEqual([west_.overall, ...west_.perspectives].map((c) => [c.score === null ? "—" : c.score.toFixed(1), words[c.status]]));
    expect(html).toContain("Needs attention across the organisation");
    // Each unit's row counts what its own dashboard lists, and names its worst KPIs.
    const attentionTable = html.slice(html.indexOf('data-testid="org-attention"'));
    for (const u of model.units.filter((x) => x.depth > 0)) {
      const row = attentionTable.match(new RegExp(`<tr[^>]*data-unit="${u.id}"[^>]*>(.*?)</tr>`))![1]!;
      const counts = [...row.matchAll(/<td[^>]*tabular-nums[^>]*>(\d+)<\/td>/g)].map((m) => Number(m[1]));
      const a = u.attention;
      expect(counts).toEqual([a.offTrack.length, a.unexplained.length, a.atRisk.length, a.noCurrentValue.length, a.pastDue.length]);
      for (const k of [...a.offTrack, ...a.atRisk].slice(0, 3)) expect(row).toContain(`${k.name}: `);
    }
  });
});

describe("the organisation dashboard's query count", () => {
  it("does not grow with the number of units", async () => {
    const before = await countQueries(async () => (await loadOrgDashboard(ctx(), unkept(), rootId, {}))!.units.length);
    await unit("Division North", rootId, 2);
    const north = (await inTeam(acme.id, (tx) => tx.select().from(scorecards).where(eq(scorecards.name, "Division North"))))[0]!.id;
    await unit("North Ops", north, 1);
    await unit("North Sales", north, 2);
    const after = await countQueries(async () => (await loadOrgDashboard(ctx(), unkept(), rootId, {}))!.units.length);
    expect(after.result).toBe(before.result + 3);
    expect(after.count).toBe(before.count);
    // 8 reads and the RLS binding: with the session and the team lookup, the page stays within 10 statements.
    expect(after.count).toBeLessThanOrEqual(9);
    // Kept until the team's data version moves: a second read at the same version reads nothing.
    const team = unkept();
    await loadOrgDashboard(ctx(), team, rootId, {});
    expect((await countQueries(() => loadOrgDashboard(ctx(), team, rootId, {}))).count).toBe(0);
    console.log(`organisation dashboard: ${before.count} statements for ${before.result} units and for ${after.result} units`);
  });
});
