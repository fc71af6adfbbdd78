// No lost updates under contention: 50 conditional target changes of one KPI fired at once.
// On PostgreSQL they run in 20 concurrent transactions (the pool) and race on the row lock;
// on PGlite (one connection) they serialize. Either way exactly one write per version wins,
// every other gets the 409 with the current state, and the activity log holds exactly the
// accepted changes, chained before → after with nothing skipped.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/actions";
import "@/app/t/[team]/scorecards/[scorecardId]/actions";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { teamChannel } from "@/db/queries/changes";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import { createUser } from "@/db/queries/users";
import { kpis, teams, type Kpi } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { changeKpiTarget } from "@/lib/scorecards/manage-kpis";
import { createTeam } from "@/lib/teams/create-team";

const N = 50;

async function ok<T>(promise: Promise<ActionResult>): Promise<T> {
  const result = await promise;
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: T }).data;
}

async function kpiUnderContention() {
  const owner = await createUser({ email: `race-${crypto.randomUUID()}@example.test`, name: "Racer", emailVerified: clock.now() });
  const team = await createTeam(owner.id, `Race ${crypto.randomUUID().slice(0, 6)}`);
  const { db } = await getDbHandle();
  await db.update(teams).set({ plan: "team", subscriptionStatus: "active", paidSeats: 5 }).where(eq(teams.id, team.id));
  const run = (name: string, input: Record<string, unknown>) => actionRegistry.get(name)!.runAs(owner, { team: team.slug, ...input });
  const sc = await ok<{ id: string }>(run("scorecards.create", { name: "Race" }));
  const tree = (await inTeam(team.id, (tx) => loadScorecardTree(tx, { teamId: team.id }, sc.id, "2026-01-01")))!;
  const objective = await ok<{ id: string }>(run("objectives.create", { perspectiveId: tree.perspectives[0]!.id, title: "Hold the line" }));
  const kpi = await ok<{ id: string; version: number }>(
    run("kpis.create", { objectiveId: objective.id, name: "Target under fire", unit: "count", direction: "up", target: "100", redThreshold: "10", frequency: "monthly", indicator: "lagging" }),
  );
  const ctx = { teamId: team.id, userId: owner.id };
  /** One change through the KPI service, in its own transaction: the status an HTTP caller would get. */
  const change = async (version: number, target: number) => {
    try {
      const updated = await inTeam(team.id, (tx) => changeKpiTarget(tx, ctx, { kpiId: kpi.id, version, target, targetMax: null, redThreshold: 10, reason: `writer ${target}` }));
      return { status: 200 as const, version: updated.version, target };
    } catch (error) {
      if (error instanceof AppError) return { status: error.status, current: error.extra.current as Kpi | undefined, target };
      throw error;
    }
  };
  const row = async () => (await inTeam(team.id, (tx) => tx.select().from(kpis).where(eq(kpis.id, kpi.id))))[0]!;
  const targetLog = async () =>
    (await inTeam(team.id, (tx) => listActivity(tx, ctx, { entityType: "kpi", entityId: kpi.id, limit: 1000 }))).filter((a) => a.field === "target").reverse();
  return { team, kpi, change, row, targetLog };
}

describe(`${N} concurrent conditional updates of one KPI's target`, () => {
  it("accept exactly one per version; every other gets the 409 with the current state; the log holds exactly the accepted change", async () => {
    const { team, kpi, change, row, targetLog } = await kpiUnderContention();
    const handle = await getDbHandle();
    const heard: Array<{ e: string; id: string; v?: number }> = [];
    const unlisten = await handle.listen(teamChannel(team.id), (p) => heard.push(JSON.parse(p)));

    const started = performance.now();
    const results = await Promise.all(Array.from({ length: N }, (_, i) => change(kpi.version, 1000 + i)));
    const elapsed = performance.now() - started;

    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status !== 200);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(N - 1);
    expect(new Set(losers.map((r) => r.status))).toEqual(new Set([409]));
    // Each refusal carries the state that won, so the person can choose: keep mine or take theirs.
    for (const loser of losers) expect(loser.current).toMatchObject({ id: kpi.id, version: kpi.version + 1, target: winners[0]!.target });

    const stored = await row();
    expect(stored).toMatchObject({ version: kpi.version + 1, target: winners[0]!.target });
    const log = await targetLog();
    expect(log.map((a) => [a.before, a.after, a.reason])).toEqual([[100, winners[0]!.target, `writer ${winners[0]!.target}`]]);
    await vi.waitFor(() => expect(heard.filter((e) => e.e === "kpi" && e.id === kpi.id)).toHaveLength(1));
    await unlisten();
    console.log(`[concurrency] ${handle.engine}: ${N} writers on one version → 1 accepted, ${losers.length} × 409 in ${elapsed.toFixed(0)} ms`);
  });

  it("lose nothing when every refused writer retries on the version it was shown (keep mine)", async () => {
    const { kpi, change, row, targetLog } = await kpiUnderContention();
    let conflicts = 0;
    const writer = async (target: number) => {
      let version = kpi.version;
      for (let attempt = 0; attempt < N * 2; attempt++) {
        const result = await change(version, target);
        if (result.status === 200) return result.version!;
        expect(result.status).toBe(409);
        conflicts++;
        version = result.current!.version;
      }
      throw new Error(`writer ${target} never got through`);
    };
    const accepted = await Promise.all(Array.from({ length: N }, (_, i) => writer(2000 + i)));

    // Every write landed on its own version: 2, 3, … N + 1, none twice, none skipped.
    expect([...accepted].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => kpi.version + 1 + i));
    const stored = await row();
    expect(stored.version).toBe(kpi.version + N);
    // The log is exactly the accepted changes, each starting from the value the previous one left.
    const log = await targetLog();
    expect(log).toHaveLength(N);
    expect(log[0]!.before).toBe(100);
    for (let i = 1; i < log.length; i++) expect(log[i]!.before).toBe(log[i - 1]!.after);
    expect(log.at(-1)!.after).toBe(stored.target);
    expect(new Set(log.map((a) => a.after)).size).toBe(N);
    console.log(`[concurrency] ${N} writers retrying on 409 → ${N} accepted versions, ${conflicts} conflicts on the way`);
  }, 120_000);
});
