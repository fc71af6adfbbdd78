// Comment threads against a real database: every member (viewers too) comments on objectives,
// KPIs, initiatives and stages; @mentions notify exactly the members named; authors edit and
// delete their own comments, versioned (a stale edit is a 409 with the current text); other
// teams' items are 404s; each write is logged and announced on the team channel.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/actions";
import "@/app/t/[team]/scorecards/[scorecardId]/actions";
import "@/app/t/[team]/comments/actions";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { teamChannel } from "@/db/queries/changes";
import { insertMembership } from "@/db/queries/memberships";
import { listNotifications } from "@/db/queries/notifications";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import type { Role } from "@/db/queries/teams";
import { createUser } from "@/db/queries/users";
import { comments, journeys, stages, teams, type User } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { clock } from "@/lib/clock";
import type { Thread } from "@/lib/collaboration/comments";
import { createTeam } from "@/lib/teams/create-team";
import { ok, run } from "../support/actions";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

async function refused(promise: Promise<ActionResult>, status: number) {
  const result = await promise;
  expect(result.ok, JSON.stringify(result)).toBe(false);
  const failure = result as Extract<ActionResult, { ok: false }>;
  expect(failure.status, JSON.stringify(result)).toBe(status);
  return failure;
}

/** A team with one person per role (named, so they can be mentioned) and an objective with a KPI, an initiative and a stage. */
async function world() {
  const person = (name: string) => createUser({ email: `${unique(name.split(" ")[0]!.toLowerCase())}@example.test`, name, emailVerified: clock.now() });
  const owner = await person("Olga Owner");
  const team = await createTeam(owner.id, unique("Team"));
  const people: Record<Exclude<Role, "contributor">, User> = { owner, admin: await person("Ada Admin"), editor: await person("Eli Editor"), viewer: await person("Vera Viewer") };
  for (const role of ["admin", "editor", "viewer"] as const) await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, people[role].id, role));
  const { db } = await getDbHandle();
  await db.update(teams).set({ plan: "team", subscriptionStatus: "active", paidSeats: 5 }).where(eq(teams.id, team.id));
  const sc = await ok<{ id: string }>(run("scorecards.create", owner, { team: team.slug, name: "Comments" }));
  const tree = (await inTeam(team.id, (tx) => loadScorecardTree(tx, { teamId: team.id }, sc.id, "2026-01-01")))!;
  const customer = tree.perspectives.find((p) => p.kind === "customer")!;
  const objective = await ok<{ id: string }>(run("objectives.create", people.editor, { team: team.slug, perspectiveId: customer.id, title: "Delight customers" }));
  const kpi = await ok<{ id: string }>(
    run("kpis.create", people.editor, {
      team: team.slug, objectiveId: objective.id, name: "CSAT", unit: "percent", direction: "up", target: "85", redThreshold: "75", frequency: "monthly", indicator: "lagging",
    }),
  );
  const initiative = await ok<{ id: string }>(run("initiatives.create", people.editor, { team: team.slug, objectiveId: objective.id, title: "Support revamp", status: "planned", progress: "0" }));
  const stage = await inTeam(team.id, async (tx) => {
    const [journey] = await tx.insert(journeys).values({ teamId: team.id, name: "Journey" }).returning();
    const [row] = await tx.insert(stages).values({ teamId: team.id, journeyId: journey!.id, name: "Onboarding", position: 0 }).returning();
    return row!;
  });
  return { team, ...people, objectiveId: objective.id, kpiId: kpi.id, initiativeId: initiative.id, stageId: stage.id };
}

type World = Awaited<ReturnType<typeof world>>;
const thread = (w: World, user: User, entityType: string, entityId: string) => ok<Thread>(run("comments.list", user, { team: w.team.slug, entityType, entityId }));
const inbox = (w: World, user: User) => inTeam(w.team.id, (tx) => listNotifications(tx, { teamId: w.team.id }, user.id));

describe("comment threads", () => {
  it("lets every member comment on objectives, KPIs, initiatives and stages, oldest first", async () => {
    const w = await world();
    const targets: Array<[string, string]> = [
      ["objective", w.objectiveId],
      ["kpi", w.kpiId],
      ["initiative", w.initiativeId],
      ["stage", w.stageId],
    ];
    for (const [entityType, entityId] of targets) {
      for (const role of ["owner", "admin", "editor", "viewer"] as const) {
        await ok(run("comments.create", w[role], { team: w.team.slug, entityType, entityId, body: `${role} on ${entityType}` }));
      }
      const { comments: list, members } = await thread(w, w.viewer, entityType, entityId);
      expect(list.map((c) => c.body)).toEqual(["owner", "admin", "editor", "viewer"].map((r) => `${r} on ${entityType}`));
      expect(list[0]).toMatchObject({ authorId: w.owner.id, authorName: "Olga Owner", version: 1, editedAt: null });
      // Mentionable members, by name: never their e-mail addresses.
      expect(members.map((m) => m.name).sort()).toEqual(["Ada Admin", "Eli Editor", "Olga Owner", "Vera Viewer"]);
      expect(JSON.stringify(list)).not.toContain("@example.test");
    }
  });

  it("logs each comment as activity and announces it on the team channel after commit", async () => {
    const w = await world();
    const handle = await getDbHandle();
    const heard: string[] = [];
    const unlisten = await handle.listen(teamChannel(w.team.id), (payload) => heard.push(payload));
    const created = await ok<{ id: string; version: number }>(run("comments.create", w.viewer, { team: w.team.slug, entityType: "kpi", entityId: w.kpiId, body: "Where does this number come from?" }));
    await vi.waitFor(() => expect(heard.map((p) => JSON.parse(p))).toContainEqual(expect.objectContaining({ e: "comment", id: created.id, op: "create", p: w.kpiId, v: 1 })));
    await unlisten();
    const [log] = await inTeam(w.team.id, (tx) => listActivity(tx, { teamId: w.team.id }, { entityType: "comment", entityId: created.id }));
    expect(log).toMatchObject({ actorId: w.viewer.id, action: "create", after: { on: "kpi", onId: w.kpiId, excerpt: "Where does this number come from?" } });
  });

  it("refuses other teams' items (404), unknown kinds and bad bodies (422), and strangers", async () => {
    const w = await world();
    const other = await world();
    await refused(run("comments.create", w.editor, { team: w.team.slug, entityType: "kpi", entityId: other.kpiId, body: "psst" }), 404);
    await refused(run("comments.list", w.editor, { team: w.team.slug, entityType: "kpi", entityId: other.kpiId }), 404);
    await refused(run("comments.create", w.editor, { team: other.team.slug, entityType: "kpi", entityId: other.kpiId, body: "psst" }), 404);
    await refused(run("comments.create", null, { team: w.team.slug, entityType: "kpi", entityId: w.kpiId, body: "hi" }), 401);
    const kind = await refused(run("comments.create", w.editor, { team: w.team.slug, entityType: "scorecard", entityId: w.kpiId, body: "hi" }), 422);
    expect(kind.fieldErrors?.entityType?.[0]).toMatch(/objective, a KPI, an initiative or a stage/);
    const empty = await refused(run("comments.create", w.editor, { team: w.team.slug, entityType: "kpi", entityId: w.kpiId, body: "   " }), 422);
    expect(empty.fieldErrors?.body?.[0]).toMatch(/Write a comment/);
    const long = await refused(run("comments.create", w.editor, { team: w.team.slug, entityType: "kpi", entityId: w.kpiId, body: "x".repeat(5001) }), 422);
    expect(long.fieldErrors?.body?.[0]).toMatch(/at most 5000/);
    await refused(run("comments.create", w.editor, { team: w.team.slug, entityType: "kpi", entityId: "not-a-uuid", body: "hi" }), 422);
    expect((await thread(w, w.editor, "kpi", w.kpiId)).comments).toEqual([]);
  });
});

describe("mentions", () => {
  it("stores the mentioned members and notifies them, not the author nor anyone else", async () => {
    const w = await world();
    const created = await ok<{ id: string }>(
      run("comments.create", w.editor, { team: w.team.slug, entityType: "kpi", entityId: w.kpiId, body: "@vera viewer and @Olga Owner: can you check? (cc @Eli Editor, e-mail eli@ada admin)" }),
    );
    const stored = await inTeam(w.team.id, (tx) => tx.select().from(comments).where(eq(comments.id, created.id)));
    expect([...stored[0]!.mentions].sort()).toEqual([w.viewer.id, w.owner.id, w.editor.id].sort());

    const [note] = await inbox(w, w.viewer);
    expect(note).toMatchObject({ kind: "mention", entityType: "kpi", entityId: w.kpiId, readAt: null, payload: { actorId: w.editor.id, commentId: created.id, label: "CSAT" } });
    expect((note!.payload as { path: string }).path).toMatch(new RegExp(`/kpis/${w.kpiId}$`));
    expect(await inbox(w, w.owner)).toHaveLength(1);
    expect(await inbox(w, w.editor)).toHaveLength(0);
    expect(await inbox(w, w.admin)).toHaveLength(0);
  });

  it("on edit, notifies only the members the edit adds", async () => {
    const w = await world();
    const c = await ok<{ id: string; version: number }>(run("comments.create", w.editor, { team: w.team.slug, entityType: "objective", entityId: w.objectiveId, body: "@Vera Viewer please" }));
    const edited = await ok<{ version: number }>(
      run("comments.update", w.editor, { team: w.team.slug, commentId: c.id, version: c.version, body: "@Vera Viewer and @Ada Admin please" }),
    );
    expect(edited.version).toBe(2);
    expect(await inbox(w, w.viewer)).toHaveLength(1);
    expect(await inbox(w, w.admin)).toHaveLength(1);
  });
});

describe("editing and deleting your own comments", () => {
  it("edits with the version it was based on; a stale edit is refused with the current text", async () => {
    const w = await world();
    const c = await ok<{ id: string; version: number }>(run("comments.create", w.viewer, { team: w.team.slug, entityType: "stage", entityId: w.stageId, body: "First draft" }));
    await ok(run("comments.update", w.viewer, { team: w.team.slug, commentId: c.id, version: 1, body: "Second draft" }));
    const stale = await refused(run("comments.update", w.viewer, { team: w.team.slug, commentId: c.id, version: 1, body: "From an old tab" }), 409);
    expect(stale.current).toMatchObject({ body: "Second draft", version: 2 });
    const [comment] = (await thread(w, w.owner, "stage", w.stageId)).comments;
    expect(comment).toMatchObject({ body: "Second draft", version: 2 });
    expect(comment!.editedAt).not.toBeNull();
    const log = await inTeam(w.team.id, (tx) => listActivity(tx, { teamId: w.team.id }, { entityType: "comment", entityId: c.id }));
    expect(log.map((a) => [a.action, a.before, a.after])).toEqual([
      ["update", "First draft", "Second draft"],
      ["create", null, expect.objectContaining({ excerpt: "First draft" })],
    ]);
  });

  it("refuses to edit or delete someone else's comment (403), even for the team's owner", async () => {
    const w = await world();
    const c = await ok<{ id: string; version: number }>(run("comments.create", w.viewer, { team: w.team.slug, entityType: "kpi", entityId: w.kpiId, body: "Mine" }));
    await refused(run("comments.update", w.owner, { team: w.team.slug, commentId: c.id, version: 1, body: "Not yours" }), 403);
    await refused(run("comments.delete", w.admin, { team: w.team.slug, commentId: c.id, version: 1 }), 403);
    expect((await thread(w, w.viewer, "kpi", w.kpiId)).comments.map((x) => x.body)).toEqual(["Mine"]);
  });

  it("deletes your own comment (versioned): it leaves the thread, the log keeps it, a second delete is a 404", async () => {
    const w = await world();
    const keep = await ok<{ id: string }>(run("comments.create", w.editor, { team: w.team.slug, entityType: "initiative", entityId: w.initiativeId, body: "Keep" }));
    const c = await ok<{ id: string; version: number }>(run("comments.create", w.editor, { team: w.team.slug, entityType: "initiative", entityId: w.initiativeId, body: "Oops" }));
    await refused(run("comments.delete", w.editor, { team: w.team.slug, commentId: c.id, version: 7 }), 409);
    await ok(run("comments.delete", w.editor, { team: w.team.slug, commentId: c.id, version: 1 }));
    expect((await thread(w, w.editor, "initiative", w.initiativeId)).comments.map((x) => x.id)).toEqual([keep.id]);
    await refused(run("comments.delete", w.editor, { team: w.team.slug, commentId: c.id, version: 2 }), 404);
    await refused(run("comments.update", w.editor, { team: w.team.slug, commentId: c.id, version: 2, body: "Back" }), 404);
    const [log] = await inTeam(w.team.id, (tx) => listActivity(tx, { teamId: w.team.id }, { entityType: "comment", entityId: c.id }));
    expect(log).toMatchObject({ action: "delete", before: { on: "initiative", excerpt: "Oops" } });
  });

  it("cannot reach another team's comment by id", async () => {
    const w = await world();
    const other = await world();
    const theirs = await ok<{ id: string }>(run("comments.create", other.editor, { team: other.team.slug, entityType: "kpi", entityId: other.kpiId, body: "Private" }));
    await refused(run("comments.update", w.editor, { team: w.team.slug, commentId: theirs.id, version: 1, body: "x" }), 404);
    await refused(run("comments.delete", w.editor, { team: w.team.slug, commentId: theirs.id, version: 1 }), 404);
  });
});
