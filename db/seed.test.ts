import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDbHandle } from "./client";
import { journeys, kpis, measurements, memberships, objectiveStages, objectives, perspectives, scorecards, stages, teams, touchpoints } from "./schema";
import { DEMO_TEAM, seedDemo } from "./seed";
import { inTeam } from "./tenant";
import { clock } from "@/lib/clock";

describe("demo seed", () => {
  it("builds a complete picture for Acme Outdoor, once", async () => {
    const { db } = await getDbHandle();
    expect(await seedDemo(db)).toEqual({ teamName: "Acme Outdoor", teamSlug: "acme" });
    const [team] = await db.select().from(teams).where(eq(teams.slug, DEMO_TEAM.slug));

    const counts = await inTeam(team!.id, async (tx) => {
      const n = async (table: typeof journeys | typeof memberships | typeof stages | typeof touchpoints | typeof scorecards | typeof perspectives | typeof objectives | typeof objectiveStages | typeof kpis | typeof measurements) =>
        Number((await tx.select({ n: count() }).from(table))[0]!.n);
      return {
        members: await n(memberships), journeys: await n(journeys), stages: await n(stages), touchpoints: await n(touchpoints),
        scorecards: await n(scorecards), perspectives: await n(perspectives), objectives: await n(objectives),
        links: await n(objectiveStages), kpis: await n(kpis), measurements: await n(measurements),
      };
    });
    expect(counts).toMatchObject({ members: 5, journeys: 1, stages: 6, scorecards: 1, perspectives: 4, objectives: 8 });
    expect(counts.touchpoints).toBeGreaterThanOrEqual(12);
    expect(counts.kpis).toBeGreaterThanOrEqual(16);
    expect(counts.links).toBeGreaterThanOrEqual(8);

    // Every KPI has at least 12 months of history.
    const spans = await inTeam(team!.id, (tx) =>
      tx.select({ kpiId: measurements.kpiId, first: measurements.period }).from(measurements).orderBy(measurements.period),
    );
    const firstByKpi = new Map<string, string>();
    for (const row of spans) if (!firstByKpi.has(row.kpiId)) firstByKpi.set(row.kpiId, row.first);
    const yearAgo = new Date(clock.nowMs() - 330 * 86400000).toISOString().slice(0, 10);
    for (const first of firstByKpi.values()) expect(first <= yearAgo).toBe(true);

    // --if-empty leaves existing data alone.
    expect(await seedDemo(db, { ifEmpty: true })).toBeNull();
  });
});
