// The scorecard editor's read: kept per team data version (a warm request reads nothing, a change
// or a rename is seen at once), and the view its client components get: each row only its own
// fields and figures, the lists every row shares (members, stages, perspectives) once.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import { countQueries } from "@/db/query-counter";
import { updateUserName } from "@/db/queries/users";
import { kpis, memberships, objectives, scorecards, teams, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { teamCalendar } from "@/lib/dashboards/load-dashboard";
import { saveMeasurements } from "@/lib/measurements/save-measurements";
import { periodStartFor } from "@/lib/periods";
import { readScorecardEditor } from "@/lib/scorecards/editor-data";
import { teamToday } from "@/lib/scorecards/evaluate";

async function teamRow(slug: string): Promise<Team> {
  const { db } = await getDbHandle();
  return (await db.select().from(teams).where(eq(teams.slug, slug)))[0]!;
}

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
});

async function demoScorecard(team: Team) {
  const [card] = await inTeam(team.id, (tx) => tx.select().from(scorecards).where(eq(scorecards.teamId, team.id)).limit(1));
  return card!;
}

describe("the kept scorecard editor", () => {
  it("is served with no query while the team's version stands, and rebuilt with a new value once it moves", async () => {
    const acme = await teamRow("acme");
    const ctx = { teamId: acme.id };
    const calendar = teamCalendar(acme);
    const card = await demoScorecard(acme);
    const first = (await readScorecardEditor(ctx, acme, card.id, calendar))!;
    const view = first.view();
    expect(first.view()).toBe(view);

    const again = await countQueries(() => readScorecardEditor(ctx, acme, card.id, calendar));
    expect(again.result).toBe(first);
    expect(again.count).toBe(0);

    const [kpi] = await inTeam(acme.id, (tx) =>
      tx.select({ id: kpis.id, frequency: kpis.frequency }).from(kpis).innerJoin(objectives, eq(objectives.id, kpis.objectiveId)).where(eq(objectives.scorecardId, card.id)).limit(1),
    );
    const today = teamToday(calendar, clock.now());
    await inTeam(acme.id, (tx) =>
      saveMeasurements(tx, { teamId: acme.id, userId: null }, { scorecardId: card.id, calendar, today, items: [{ kpiId: kpi!.id, period: periodStartFor(today, kpi!.frequency, calendar), value: 42.25 }] }),
    );
    const fresh = await teamRow("acme");
    expect(fresh.dataVersion).toBeGreaterThan(acme.dataVersion);
    const rebuilt = (await readScorecardEditor(ctx, fresh, card.id, calendar))!;
    expect(rebuilt).not.toBe(first);
    const row = rebuilt.view().perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis)).find((k) => k.id === kpi!.id)!;
    expect(row.latest).toMatch(/^42\.25/);
    // An older request still holding the previous team row does not replace the newer read.
    expect(await readScorecardEditor(ctx, fresh, card.id, calendar)).toBe(rebuilt);
  });

  it("shows a renamed owner at once", async () => {
    const acme = await teamRow("acme");
    const card = await demoScorecard(acme);
    const calendar = teamCalendar(acme);
    const before = (await readScorecardEditor({ teamId: acme.id }, acme, card.id, calendar))!;
    const owner = before.view().perspectives.flatMap((p) => p.objectives).find((o) => o.ownerId)!.ownerId!;
    await updateUserName(owner, "Renamed For The Editor");
    const fresh = await teamRow("acme");
    const after = (await readScorecardEditor({ teamId: acme.id }, fresh, card.id, calendar))!;
    expect(after.view().members.find((m) => m.userId === owner)?.name).toBe("Renamed For The Editor");
  });

  it("is null for another team's scorecard", async () => {
    const acme = await teamRow("acme");
    const globex = await teamRow("globex");
    const card = await demoScorecard(acme);
    expect(await readScorecardEditor({ teamId: globex.id }, globex, card.id, teamCalendar(globex))).toBeNull();
    expect(await readScorecardEditor({ teamId: acme.id }, acme, card.id, teamCalendar(acme))).not.toBeNull();
  });
});

describe("the editor's view", () => {
  it("gives each row only its own fields and figures; members, stages and perspectives once", async () => {
    const acme = await teamRow("acme");
    const card = await demoScorecard(acme);
    const { data, view } = (await readScorecardEditor({ teamId: acme.id }, acme, card.id, teamCalendar(acme)))!;
    const rows = view().perspectives.flatMap((p) => p.objectives);
    expect(rows.length).toBeGreaterThan(0);
    const sent = JSON.stringify(view().perspectives);
    for (const shared of ['"members"', '"stages"', '"perspectives"', '"teamId"', '"createdAt"', '"updatedAt"', '"position"']) expect(sent).not.toContain(shared);
    const kpi = rows.flatMap((o) => o.kpis)[0]!;
    expect(Object.keys(kpi).sort()).toEqual(
      [
        "id", "name", "description", "unit", "currency", "direction", "baseline", "target", "targetMax", "redThreshold", "frequency", "indicator", "source", "ownerId",
        "weight", "version", "latest", "period", "thresholds", "share", "status", "stale", "score", "trend",
      ].sort(),
    );
    expect(view().members.map((m) => m.userId).sort()).toEqual(data.members.map((m) => m.userId).sort());
    const memberCount = (await inTeam(acme.id, (tx) => tx.select().from(memberships).where(eq(memberships.teamId, acme.id)))).length;
    expect(view().members).toHaveLength(memberCount);
    expect(view().stages.map((s) => s.id)).toEqual(data.stages.map((s) => s.id));
  });
});
