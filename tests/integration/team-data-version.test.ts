// The team's data version, and the dashboards kept per version: a committed change (however
// many activity rows it writes) moves the version once and only when it commits; a rename moves
// the renamed person's teams; a dashboard read with the new team row shows the change, and one
// read with the same version is the kept model, not a new read.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { updateUserName } from "@/db/queries/users";
import { kpis, memberships, objectives, scorecards, teams, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { countQueries } from "@/db/query-counter";
import { clock } from "@/lib/clock";
import { loadDashboard, teamCalendar } from "@/lib/dashboards/load-dashboard";
import { saveMeasurements } from "@/lib/measurements/save-measurements";
import { periodStartFor } from "@/lib/periods";
import { teamToday } from "@/lib/scorecards/evaluate";

async function teamRow(slug: string): Promise<Team> {
  const { db } = await getDbHandle();
  return (await db.select().from(teams).where(eq(teams.slug, slug)))[0]!;
}

const journeyChange = () => ({ actorId: null, entityType: "journey" as const, entityId: crypto.randomUUID(), action: "update" as const });

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
});

describe("teams.data_version", () => {
  it("goes up once per committed transaction that changed the team, and not for a rolled-back one", async () => {
    const acme = await teamRow("acme");
    const globex = await teamRow("globex");
    await inTeam(acme.id, (tx) => recordChange(tx, { teamId: acme.id }, [journeyChange(), journeyChange(), journeyChange()]));
    expect((await teamRow("acme")).dataVersion).toBe(acme.dataVersion + 1);

    await expect(
      inTeam(acme.id, async (tx) => {
        await recordChange(tx, { teamId: acme.id }, journeyChange());
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect((await teamRow("acme")).dataVersion).toBe(acme.dataVersion + 1);
    // Another team's version is its own.
    expect((await teamRow("globex")).dataVersion).toBe(globex.dataVersion);
  });

  it("is not visible to others before the change commits", async () => {
    const acme = await teamRow("acme");
    let seenInside: number | undefined;
    await inTeam(acme.id, async (tx) => {
      await recordChange(tx, { teamId: acme.id }, journeyChange());
      seenInside = (await tx.select({ v: teams.dataVersion }).from(teams).where(eq(teams.id, acme.id)))[0]!.v;
    });
    // Deferred to commit: not even the writing transaction saw it move before committing.
    expect(seenInside).toBe(acme.dataVersion);
    expect((await teamRow("acme")).dataVersion).toBe(acme.dataVersion + 1);
  });

  it("goes up in every team of a person who is renamed", async () => {
    const acme = await teamRow("acme");
    const [owner] = await inTeam(acme.id, (tx) => tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.role, "owner")));
    await updateUserName(owner!.userId, "Renamed Owner");
    expect((await teamRow("acme")).dataVersion).toBe(acme.dataVersion + 1);
  });
});

describe("a kept dashboard", () => {
  it("is served while the team's version stands, and rebuilt with the change once it moves", async () => {
    const acme = await teamRow("acme");
    const ctx = { teamId: acme.id };
    const [card] = await inTeam(acme.id, (tx) => tx.select().from(scorecards).limit(1));
    const [kpi] = await inTeam(acme.id, (tx) =>
      tx.select({ id: kpis.id, frequency: kpis.frequency }).from(kpis).innerJoin(objectives, eq(objectives.id, kpis.objectiveId)).where(eq(objectives.scorecardId, card!.id)).limit(1),
    );
    const first = (await loadDashboard(ctx, acme, card!.id, {}))!;
    const again = await countQueries(() => loadDashboard(ctx, acme, card!.id, {}));
    expect(again.result).toBe(first);
    expect(again.count).toBe(0);

    const calendar = teamCalendar(acme);
    const today = teamToday(calendar, clock.now());
    const period = periodStartFor(today, kpi!.frequency, calendar);
    const value = 42.25; // fits any unit, percentages included
    await inTeam(acme.id, (tx) =>
      saveMeasurements(tx, { teamId: acme.id, userId: null }, { scorecardId: card!.id, calendar, today, items: [{ kpiId: kpi!.id, period, value }] }),
    );
    const fresh = await teamRow("acme");
    expect(fresh.dataVersion).toBeGreaterThan(acme.dataVersion);
    const rebuilt = (await loadDashboard(ctx, fresh, card!.id, {}))!;
    expect(rebuilt).not.toBe(first);
    const view = rebuilt.model.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis)).find((k) => k.id === kpi!.id);
    expect(view?.value).toBe(value);
  });
});
