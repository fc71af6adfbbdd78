// The dashboard's CSV export through its route handler with real sessions: content for the
// selected period, quoting of awkward text, a streamed attachment, and the refusals
// (anonymous 401, another team 404, another team's dashboard 404).
import { eq, inArray } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/t/[team]/dashboards/[scorecardId]/export/route";
import { getDbHandle } from "@/db/client";
import { kpis, measurements, objectives, scorecards, teams, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { CSV_COLUMNS } from "@/lib/dashboards/csv";
import { resolveDashboardPeriod } from "@/lib/dashboards/period-selection";
import { localDate, periodEnd, type TeamCalendar } from "@/lib/periods";
import { kpiStatus } from "@/lib/scoring";
import { TEST_NOW } from "../support/clock";
import { sessionCookieFor } from "../support/sessions";

// The quarters asked for below lie in the demo's history as seeded at this instant.
clock.set(TEST_NOW);

let acme: Team;
let calendar: TeamCalendar;
let scorecardId: string;
let globexScorecardId: string;
let cookies: Record<"viewer" | "globex", string>;

function request(path: string, cookie?: string) {
  const headers = new Headers();
  if (cookie) headers.set("cookie", cookie);
  const url = new URL(path, "http://localhost");
  const [, , team, , id] = url.pathname.split("/");
  return GET(new Request(url, { headers }), { params: Promise.resolve({ team: team!, scorecardId: id! }) });
}

function parse(text: string) {
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result;
}

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  const globex = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!;
  calendar = { timeZone: acme!.timeZone, fiscalYearStartMonth: acme!.fiscalYearStartMonth };
  scorecardId = (await inTeam(acme!.id, (tx) => tx.select().from(scorecards)))[0]!.id;
  globexScorecardId = (await inTeam(globex!.id, (tx) => tx.select().from(scorecards)))[0]!.id;
  cookies = { viewer: (await sessionCookieFor("viewer@acme.test")).cookie, globex: (await sessionCookieFor("owner@globex.test")).cookie };
});

describe("CSV export", () => {
  it("streams every KPI with its measurements for the selected period, as an attachment, to any member", async () => {
    const today = localDate(clock.now(), acme.timeZone);
    const period = resolveDashboardPeriod({ period: "quarter", at: "2026-04-15" }, calendar, today);
    const response = await request(`/t/acme/dashboards/${scorecardId}/export?period=quarter&at=2026-04-15`, cookies.viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="acme-outdoor-2026_2026-04-01_2026-06-30.csv"; filename*=UTF-8''acme-outdoor-2026_2026-04-01_2026-06-30.csv`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.body).toBeInstanceOf(ReadableStream);
    const text = await response.text();
    expect(text.startsWith(`${CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    const { data, meta } = parse(text);
    expect(meta.fields).toEqual([...CSV_COLUMNS]);

    // Expected rows, from the raw tables: each measurement whose period overlaps Q2 2026.
    const raw = await inTeam(acme.id, async (tx) => {
      const os = await tx.select().from(objectives).where(eq(objectives.scorecardId, scorecardId));
      const ks = await tx.select().from(kpis).where(inArray(kpis.objectiveId, os.map((o) => o.id)));
      const ms = await tx.select().from(measurements).where(inArray(measurements.kpiId, ks.map((k) => k.id)));
      return { ks, ms };
    });
    const expected = raw.ks.flatMap((k) => {
      const inPeriod = raw.ms.filter((m) => m.kpiId === k.id && m.period <= period.to && periodEnd(m.period, k.frequency, calendar) >= period.from);
      return inPeriod.length ? inPeriod.map((m) => `${k.id}|${m.period}|${m.value}|${kpiStatus(k, m.value)}`) : [`${k.id}|||grey`];
    });
    const actual = data.map((r) => `${r.kpi_id}|${r.period}|${r.value}|${r.status}`);
    expect(actual.sort()).toEqual(expected.sort());
    expect(new Set(data.map((r) => r.kpi_id)).size).toBe(raw.ks.length);
    // Weekly KPIs: 13 or 14 weeks touch a quarter; monthly: 3; quarterly: 1.
    const weekly = raw.ks.find((k) => k.frequency === "weekly")!;
    expect(data.filter((r) => r.kpi_id === weekly.id).length).toBeGreaterThanOrEqual(13);
    expect(data.every((r) => r.perspective && r.objective && r.kpi)).toBe(true);
  });

  it("quotes commas, quotes and line breaks and defuses formulas in text", async () => {
    const tricky = 'Revenue, "net"\nper store';
    const [kpi] = await inTeam(acme.id, async (tx) => {
      const os = await tx.select().from(objectives).where(eq(objectives.scorecardId, scorecardId));
      const [first] = await tx.select().from(kpis).where(inArray(kpis.objectiveId, os.map((o) => o.id))).limit(1);
      await tx.update(kpis).set({ name: tricky }).where(eq(kpis.id, first!.id));
      await tx.update(measurements).set({ note: "=HYPERLINK(\"http://example.test\")" }).where(eq(measurements.kpiId, first!.id));
      return [first!];
    });
    const response = await request(`/t/acme/dashboards/${scorecardId}/export?period=year`, cookies.viewer);
    const text = await response.text();
    expect(text).toContain('"Revenue, ""net""\nper store"');
    const rows = parse(text).data.filter((r) => r.kpi_id === kpi.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.kpi === tricky)).toBe(true);
    expect(rows.every((r) => r.note === "'=HYPERLINK(\"http://example.test\")")).toBe(true);
  });

  it("refuses anonymous callers (401), other teams (404) and other teams' dashboards (404)", async () => {
    const anonymous = await request(`/t/acme/dashboards/${scorecardId}/export`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toBe("application/problem+json");
    expect(await anonymous.json()).toMatchObject({ status: 401, title: "Sign in required" });

    const outsider = await request(`/t/acme/dashboards/${scorecardId}/export`, cookies.globex);
    expect(outsider.status).toBe(404);
    expect(await outsider.text()).not.toContain("Acme");

    expect((await request(`/t/acme/dashboards/${globexScorecardId}/export`, cookies.viewer)).status).toBe(404);
    expect((await request(`/t/acme/dashboards/not-a-uuid/export`, cookies.viewer)).status).toBe(404);
    expect((await request(`/t/globex/dashboards/${globexScorecardId}/export`, cookies.viewer)).status).toBe(404);
    expect((await request(`/t/acme/dashboards/${crypto.randomUUID()}/export`, cookies.viewer)).status).toBe(404);
  });
});
