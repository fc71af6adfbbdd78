// CSV import and export of measurements through their route handlers with real sessions:
// the import checks again on the server (line-numbered refusals, nothing written), writes all
// or nothing while streaming progress, takes 100,000 rows; the export streams every KPI with
// all its values and re-imports as it is. Both authorize every principal themselves.
import { count, eq } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/t/[team]/api/scorecards/[scorecardId]/export/route";
import { POST as importCsv } from "@/app/t/[team]/api/scorecards/[scorecardId]/import/route";
import { getDbHandle } from "@/db/client";
import { listScorecardKpisInOrder } from "@/db/queries/api-reads";
import { activity, kpis, measurements, objectives, perspectives, scorecards, teams, type Kpi, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { guessMapping } from "@/lib/csv-import/columns";
import { EXPORT_COLUMNS } from "@/lib/csv-import/export-csv";
import { parseCsvFile } from "@/lib/csv-import/parse-file";
import { periodStartFor, previousPeriod, type TeamCalendar } from "@/lib/periods";
import { teamToday } from "@/lib/scorecards/evaluate";
import { sessionCookieFor } from "../support/sessions";

let acme: Team;
let calendar: TeamCalendar;
let scorecardId: string;
let globexScorecardId: string;
let all: Kpi[];
const cookies: Record<string, string> = {};

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  const [globex] = await db.select().from(teams).where(eq(teams.slug, "globex"));
  calendar = { timeZone: acme.timeZone, fiscalYearStartMonth: acme.fiscalYearStartMonth };
  scorecardId = (await inTeam(acme.id, (tx) => tx.select().from(scorecards)))[0]!.id;
  globexScorecardId = (await inTeam(globex!.id, (tx) => tx.select().from(scorecards)))[0]!.id;
  all = (await inTeam(acme.id, (tx) => listScorecardKpisInOrder(tx, { teamId: acme.id }, scorecardId))).map((r) => r.kpi);
  for (const [role, email] of Object.entries({ owner: "owner@acme.test", admin: "admin@acme.test", editor: "editor@acme.test", viewer: "viewer@acme.test", outsider: "owner@globex.test" })) {
    cookies[role] = (await sessionCookieFor(email)).cookie;
  }
});

function post(body: unknown, options: { cookie?: string; origin?: string; contentType?: string; team?: string; scorecard?: string } = {}) {
  const team = options.team ?? "acme";
  const scorecard = options.scorecard ?? scorecardId;
  const url = `http://localhost/t/${team}/api/scorecards/${scorecard}/import`;
  const headers = new Headers({ "content-type": options.contentType ?? "application/json" });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.origin) headers.set("origin", options.origin);
  return importCsv(new Request(url, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }), { params: Promise.resolve({ team, scorecardId: scorecard }) });
}

function get(options: { cookie?: string; team?: string; scorecard?: string } = {}) {
  const team = options.team ?? "acme";
  const scorecard = options.scorecard ?? scorecardId;
  const headers = new Headers();
  if (options.cookie) headers.set("cookie", options.cookie);
  return exportCsv(new Request(`http://localhost/t/${team}/api/scorecards/${scorecard}/export`, { headers }), { params: Promise.resolve({ team, scorecardId: scorecard }) });
}

type Event = { type: string; rows?: number; written?: number; total?: number; received?: number; created: number; updated: number; unchanged: number };

async function events(response: Response): Promise<Event[]> {
  return (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as Event);
}

/** Valid rows over every KPI of the scorecard, going back from the period before the current one. */
function rows(n: number, salt = 0): Array<[number, number, string, number, string | null]> {
  const cursor = all.map((k) => previousPeriod(periodStartFor(teamToday(calendar), k.frequency, calendar), k.frequency, calendar));
  const list: Array<[number, number, string, number, string | null]> = [];
  for (let i = 0; list.length < n; i++) {
    const index = i % all.length;
    const kpi = all[index]!;
    list.push([i + 2, index, cursor[index]!, kpi.unit === "percent" ? (i + salt) % 100 : i + salt, i % 50 === 0 ? `note ${i}` : null]);
    cursor[index] = previousPeriod(cursor[index]!, kpi.frequency, calendar);
  }
  return list;
}

const measurementCount = async () => Number((await inTeam(acme.id, (tx) => tx.select({ n: count() }).from(measurements)))[0]!.n);
const activityCount = async () => Number((await inTeam(acme.id, (tx) => tx.select({ n: count() }).from(activity)))[0]!.n);

describe("CSV import (route)", () => {
  it("writes the rows all at once, streaming progress, with one history row per changed value", async () => {
    const body = { kpiIds: all.map((k) => k.id), rows: rows(300) };
    const [before, beforeActivity] = [await measurementCount(), await activityCount()];
    const response = await post(body, { cookie: cookies.editor, origin: "http://localhost" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const stream = await events(response);
    expect(stream[0]).toEqual({ type: "checked", rows: 300 });
    expect(stream.at(-1)).toMatchObject({ type: "done", received: 300 });
    expect(stream.some((e) => e.type === "progress" && e.written === e.total)).toBe(true);
    const done = stream.at(-1)!;
    expect(done.created + done.updated + done.unchanged).toBe(300);
    expect(await measurementCount()).toBe(before + done.created);
    expect((await activityCount()) - beforeActivity).toBe(done.created + done.updated);
    // The same file again: nothing changes (idempotent on KPI and period).
    const again = (await events(await post(body, { cookie: cookies.editor }))).at(-1);
    expect(again).toEqual({ type: "done", received: 300, created: 0, updated: 0, unchanged: 300 });
  });

  it("refuses the whole file when one row is bad, naming its line, and writes nothing", async () => {
    const list = rows(50, 1);
    const percent = all.findIndex((k) => k.unit === "percent");
    const bad = list.findIndex((r) => r[1] === percent);
    list[bad] = [list[bad]![0], percent, list[bad]![2], 250, null];
    const before = await measurementCount();
    const response = await post({ kpiIds: all.map((k) => k.id), rows: list }, { cookie: cookies.editor });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem.errors).toEqual([{ line: list[bad]![0], reason: expect.stringMatching(/250 is outside 0–100 for a percentage/) }]);
    expect(problem.detail).toMatch(new RegExp(`^One row has a problem: nothing was imported. First: line ${list[bad]![0]}:`));
    expect(await measurementCount()).toBe(before);
  });

  it("treats a KPI of another scorecard or team like an unknown one, by line", async () => {
    // A second scorecard of the same team, with a KPI of its own.
    const other = await inTeam(acme.id, async (tx) => {
      const [card] = await tx.insert(scorecards).values({ teamId: acme.id, name: "Other" }).returning();
      const [perspective] = await tx.insert(perspectives).values({ teamId: acme.id, scorecardId: card!.id, kind: "customer", name: "Customer", position: 0 }).returning();
      const [objective] = await tx.insert(objectives).values({ teamId: acme.id, scorecardId: card!.id, perspectiveId: perspective!.id, title: "O", position: 0 }).returning();
      const [kpi] = await tx
        .insert(kpis)
        .values({ teamId: acme.id, objectiveId: objective!.id, name: all[0]!.name, unit: "count", direction: "up", target: 2, redThreshold: 1, frequency: "monthly", indicator: "lagging", position: 0 })
        .returning();
      return kpi!.id;
    });
    for (const foreign of [other, crypto.randomUUID()]) {
      const response = await post({ kpiIds: [all[0]!.id, foreign], rows: [[2, 0, "2014-01-01", 1, null], [3, 1, "2014-01-01", 1, null]] }, { cookie: cookies.editor });
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toEqual([{ line: 3, reason: `No KPI with id ${foreign} in this scorecard` }]);
    }
  });

  it("refuses malformed and foreign requests", async () => {
    expect((await post("{", { cookie: cookies.editor })).status).toBe(400);
    expect((await post({ kpiIds: [], rows: [] }, { cookie: cookies.editor })).status).toBe(422);
    expect((await post("kpi,period", { cookie: cookies.editor, contentType: "text/csv" })).status).toBe(415);
    const crossSite = await post({ kpiIds: [all[0]!.id], rows: [[2, 0, "2014-01-01", 1, null]] }, { cookie: cookies.editor, origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
  });

  it("authorizes itself: anonymous 401, viewer 403, another team 404, editors and up allowed", async () => {
    const body = { kpiIds: [all[0]!.id], rows: [[2, 0, "2013-01-01", 1, null]] };
    const statuses: Record<string, number> = {};
    for (const principal of ["anonymous", "viewer", "outsider", "editor", "admin", "owner"]) {
      const response = await post(body, { cookie: cookies[principal] });
      statuses[principal] = response.status;
      await response.body?.cancel();
    }
    expect(statuses).toEqual({ anonymous: 401, viewer: 403, outsider: 404, editor: 200, admin: 200, owner: 200 });
    expect((await post(body, { cookie: cookies.editor, scorecard: globexScorecardId })).status).toBe(404);
    expect((await post(body, { cookie: cookies.editor, scorecard: "nope" })).status).toBe(404);
  });

  it("imports 100,000 rows in one transaction", async () => {
    const body = { kpiIds: all.map((k) => k.id), rows: rows(100_000, 7) };
    const started = performance.now();
    const response = await post(body, { cookie: cookies.editor });
    const stream = await events(response);
    const ms = performance.now() - started;
    const done = stream.at(-1)!;
    expect(done, JSON.stringify(stream.at(-1))).toMatchObject({ type: "done", received: 100_000 });
    expect(stream.filter((e) => e.type === "progress").map((e) => e.written)).toEqual([10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000, 100_000]);
    console.log(`CSV import of 100,000 rows on ${(await getDbHandle()).engine}: ${Math.round(ms)} ms (${done.created} created, ${done.updated} updated)`);
  }, 180_000);
});

describe("CSV export (route)", () => {
  it("streams every KPI with all its values, and the file imports back as it is", async () => {
    const response = await get({ cookie: cookies.viewer });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="acme-outdoor-2026_kpis-and-measurements_\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.body).toBeInstanceOf(ReadableStream);
    const text = await response.text();
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...EXPORT_COLUMNS]);
    const stored = await inTeam(acme.id, (tx) => tx.select().from(measurements));
    const inScorecard = stored.filter((m) => all.some((k) => k.id === m.kpiId));
    const withValues = parsed.data.filter((r) => r.period);
    expect(withValues.length).toBe(inScorecard.length);
    const byCell = new Map(inScorecard.map((m) => [`${m.kpiId}|${m.period}`, m]));
    for (const row of withValues) expect(Number(row.value)).toBe(byCell.get(`${row.kpi_id}|${row.period}`)!.value);
    expect(new Set(parsed.data.map((r) => r.kpi_id))).toEqual(new Set(all.map((k) => k.id)));

    // Round trip: the export, mapped by its own header, checks clean against the scorecard.
    const header = Papa.parse<string[]>(text.split("\r\n")[0]!).data[0]!;
    const mapping = guessMapping(header);
    const outcome = await parseCsvFile(text, {
      context: { kpis: all.map((k) => ({ id: k.id, name: k.name, unit: k.unit, frequency: k.frequency })), calendar, today: teamToday(calendar) },
      mapping: { kpi: mapping.kpi!, period: mapping.period!, value: mapping.value!, note: mapping.note },
      hasHeader: true,
    });
    expect(outcome.issues).toEqual([]);
    expect(outcome.rows.length).toBe(inScorecard.length);
    const result = (await events(await post({ kpiIds: all.map((k) => k.id), rows: outcome.rows }, { cookie: cookies.editor }))).at(-1);
    expect(result).toMatchObject({ type: "done", created: 0, updated: 0, unchanged: inScorecard.length });
  }, 60_000);

  it("defuses formulas in text and keeps every KPI listed, even without values", async () => {
    const kpi = all[0]!;
    await inTeam(acme.id, async (tx) => {
      await tx.update(kpis).set({ name: "=HYPERLINK(\"http://example.test\")" }).where(eq(kpis.id, kpi.id));
      await tx.delete(measurements).where(eq(measurements.kpiId, kpi.id));
    });
    const text = await (await get({ cookie: cookies.viewer })).text();
    const row = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.filter((r) => r.kpi_id === kpi.id);
    expect(row).toEqual([expect.objectContaining({ kpi: "'=HYPERLINK(\"http://example.test\")", period: "", value: "" })]);
  });

  it("authorizes itself: anonymous 401, another team 404, another team's scorecard 404, any member allowed", async () => {
    expect((await get()).status).toBe(401);
    expect((await get({ cookie: cookies.outsider })).status).toBe(404);
    expect((await get({ cookie: cookies.viewer, scorecard: globexScorecardId })).status).toBe(404);
    expect((await get({ cookie: cookies.viewer, scorecard: "nope" })).status).toBe(404);
    for (const role of ["viewer", "editor", "admin", "owner"]) {
      const response = await get({ cookie: cookies[role] });
      expect(response.status, role).toBe(200);
      await response.body?.cancel();
    }
  });
});
