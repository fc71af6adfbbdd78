// POST /api/v1/measurements/batch: 10,000 items in one transaction, idempotent on (KPI,
// period) — the same batch twice leaves the same rows —, 10,001 refused naming the limit,
// and one bad item (or one unknown KPI) refusing the whole batch with nothing written.
import { count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import { activity, kpis, measurements, teams, type Kpi, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { periodStartFor, previousPeriod, type TeamCalendar } from "@/lib/periods";
import { teamToday } from "@/lib/scorecards/evaluate";
import { expectProblem, mintKey, send } from "./api-helpers";

let acme: Team;
let calendar: TeamCalendar;
let key: string;
let all: Kpi[];
let globexKey: string;

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  calendar = { timeZone: acme.timeZone, fiscalYearStartMonth: acme.fiscalYearStartMonth };
  all = await inTeam(acme.id, (tx) => tx.select().from(kpis));
  key = (await mintKey(acme.id, ["write"])).key;
  const [globex] = await db.select().from(teams).where(eq(teams.slug, "globex"));
  globexKey = (await mintKey(globex!.id, ["read", "write"])).key;
});

/** `n` distinct valid items over every KPI, going back in time from the period before the current one. */
function items(n: number, salt = 0) {
  const list: Array<{ kpiId: string; period: string; value: number; note?: string }> = [];
  const cursor = new Map(all.map((k) => [k.id, previousPeriod(periodStartFor(teamToday(calendar), k.frequency, calendar), k.frequency, calendar)]));
  for (let i = 0; list.length < n; i++) {
    const kpi = all[i % all.length]!;
    const period = cursor.get(kpi.id)!;
    cursor.set(kpi.id, previousPeriod(period, kpi.frequency, calendar));
    list.push({ kpiId: kpi.id, period, value: kpi.unit === "percent" ? (i * 7 + salt) % 101 : i + salt + 0.25, ...(i % 10 === 0 ? { note: `row ${i}` } : {}) });
  }
  return list;
}

async function snapshot() {
  return inTeam(acme.id, async (tx) => ({
    rows: await tx.select({ id: measurements.id, kpiId: measurements.kpiId, period: measurements.period, value: measurements.value, note: measurements.note, version: measurements.version }).from(measurements).orderBy(measurements.kpiId, measurements.period),
    activity: Number((await tx.select({ n: count() }).from(activity))[0]!.n),
  }));
}

describe("POST /api/v1/measurements/batch", () => {
  it("writes 10,000 items in one go, and the same batch again changes nothing", async () => {
    const batch = items(10_000);
    const before = await snapshot();
    const started = performance.now();
    const first = await send("POST", "/api/v1/measurements/batch", { key, body: { items: batch } });
    const firstMs = performance.now() - started;
    expect(first.status, JSON.stringify(first.json).slice(0, 500)).toBe(200);
    expect(first.json.received).toBe(10_000);
    expect(first.json.created + first.json.updated + first.json.unchanged).toBe(10_000);
    expect(first.json.created).toBeGreaterThan(9_000);
    const after = await snapshot();
    expect(after.rows.length).toBe(before.rows.length + first.json.created);
    // The grid's history: one activity row per value created or changed.
    expect(after.activity - before.activity).toBe(first.json.created + first.json.updated);

    const again = performance.now();
    const second = await send("POST", "/api/v1/measurements/batch", { key, body: { items: batch } });
    const secondMs = performance.now() - again;
    expect(second.json).toEqual({ received: 10_000, created: 0, updated: 0, unchanged: 10_000 });
    expect(await snapshot()).toEqual(after);
    console.log(`batch of 10,000 on ${(await getDbHandle()).engine}: first ${Math.round(firstMs)} ms, repeated ${Math.round(secondMs)} ms`);
    expect(firstMs).toBeLessThan(6_000);

    const stored = new Map(after.rows.map((r) => [`${r.kpiId}|${r.period}`, r]));
    for (const item of batch.slice(0, 500)) {
      expect(stored.get(`${item.kpiId}|${item.period}`)).toMatchObject({ value: item.value, note: item.note ?? expect.any(String) });
    }
  }, 60_000);

  it("refuses 10,001 items naming the limit, and writes nothing", async () => {
    const before = await snapshot();
    const problem = expectProblem(await send("POST", "/api/v1/measurements/batch", { key, body: { items: items(10_001, 3) } }), 422);
    expect(problem.errors).toEqual([{ pointer: "/items", reason: "A batch holds at most 10,000 items: split it into several batches" }]);
    expect(problem.detail).toMatch(/10,000/);
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it("refuses the whole batch for one bad item, naming it, and writes nothing", async () => {
    const batch = items(10_000, 5);
    const percentIndex = batch.findLastIndex((item) => all.find((k) => k.id === item.kpiId)!.unit === "percent");
    batch[percentIndex] = { ...batch[percentIndex]!, value: 140 };
    batch[17] = { ...batch[17]!, period: "2024-02-30" };
    const before = await snapshot();
    const problem = expectProblem(await send("POST", "/api/v1/measurements/batch", { key, body: { items: batch } }), 422);
    expect(problem.errors).toContainEqual({ pointer: "/items/17/period", reason: "period is not a real date" });
    const second = expectProblem(await send("POST", "/api/v1/measurements/batch", { key, body: { items: batch.map((item, i) => (i === 17 ? items(18, 5)[17]! : item)) } }), 422);
    expect(second.errors).toEqual([{ pointer: `/items/${percentIndex}/value`, reason: expect.stringMatching(/outside 0–100 for a percentage/) }]);
    expect(second.detail).toMatch(/Nothing was saved/);
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it("answers 404 for an unknown KPI or another team's, naming the items, and writes nothing", async () => {
    const batch = items(20, 9);
    batch[5] = { ...batch[5]!, kpiId: crypto.randomUUID() };
    const before = await snapshot();
    const problem = expectProblem(await send("POST", "/api/v1/measurements/batch", { key, body: { items: batch } }), 404);
    expect(problem.errors).toEqual([{ pointer: "/items/5/kpiId", reason: `No KPI ${batch[5]!.kpiId} in this team` }]);
    // Globex's key does not reach Acme's KPIs either.
    const cross = expectProblem(await send("POST", "/api/v1/measurements/batch", { key: globexKey, body: { items: items(3) } }), 404);
    expect(cross.errors).toHaveLength(3);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps the later of two items for one cell, and a stored note when none is sent", async () => {
    const kpi = all.find((k) => k.unit !== "percent" && k.frequency === "monthly")!;
    const body = { items: [{ kpiId: kpi.id, period: "1800-01-01", value: 1, note: "keep me" }] };
    expect((await send("POST", "/api/v1/measurements/batch", { key, body })).json).toMatchObject({ created: 1 });
    const result = await send("POST", "/api/v1/measurements/batch", {
      key,
      body: { items: [{ kpiId: kpi.id, period: "1800-01-01", value: 2 }, { kpiId: kpi.id, period: "1800-01-01", value: 3 }] },
    });
    expect(result.json).toEqual({ received: 2, created: 0, updated: 1, unchanged: 1 });
    const rows = await inTeam(acme.id, (tx) => tx.select().from(measurements).where(inArray(measurements.period, ["1800-01-01"])));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: 3, note: "keep me", version: 2 });
  });

  it("lets two batches race for the same new cells: one creates them, the other updates them", async () => {
    const kpi = all.find((k) => k.unit !== "percent" && k.frequency === "monthly")!;
    const periods = Array.from({ length: 200 }, (_, i) => `${1700 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`);
    const batch = (value: number) => ({ items: periods.map((period) => ({ kpiId: kpi.id, period, value })) });
    // On PostgreSQL both run at once and the second meets the first's rows on insert; on PGlite they take turns.
    const [a, b] = await Promise.all([send("POST", "/api/v1/measurements/batch", { key, body: batch(1) }), send("POST", "/api/v1/measurements/batch", { key, body: batch(2) })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.json.created + b.json.created).toBe(200);
    expect(a.json.updated + b.json.updated).toBe(200);
    const rows = await inTeam(acme.id, (tx) => tx.select().from(measurements).where(inArray(measurements.period, periods)));
    expect(rows).toHaveLength(200);
    const winner = a.json.updated === 200 ? 1 : 2;
    expect(new Set(rows.map((r) => r.value))).toEqual(new Set([winner]));
    expect(rows.every((r) => r.version === 2)).toBe(true);
  });

  it("refuses an empty batch and a body that is not a batch", async () => {
    expect(expectProblem(await send("POST", "/api/v1/measurements/batch", { key, body: { items: [] } }), 422).errors).toEqual([{ pointer: "/items", reason: "items must hold at least one item" }]);
    expect(expectProblem(await send("POST", "/api/v1/measurements/batch", { key, body: [] }), 422).errors).toEqual([{ pointer: "", reason: expect.any(String) }]);
    expectProblem(await send("POST", "/api/v1/measurements/batch", { key, rawBody: '{"items": [', headers: { "content-type": "application/json" } }), 400);
  });
});
