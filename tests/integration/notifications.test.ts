// Notifications, the inbox, the daily digest and the activity feed against a real database:
// a member who becomes an owner is told (never for their own doing); KPIs due are computed
// from the current period; marking read touches only your own; the digest mails each person
// once per notification, and nobody on a quiet day; the feed filters and pages by seq.
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/scorecards/actions";
import "@/app/t/[team]/scorecards/[scorecardId]/actions";
import "@/app/t/[team]/comments/actions";
import "@/app/t/[team]/inbox/actions";
import "@/app/t/[team]/activity/actions";
import { getDbHandle } from "@/db/client";
import { insertMembership } from "@/db/queries/memberships";
import { listNotifications } from "@/db/queries/notifications";
import { listOutbox } from "@/db/queries/outbox";
import { loadScorecardTree } from "@/db/queries/scorecard-tree";
import type { Role } from "@/db/queries/teams";
import { createUser } from "@/db/queries/users";
import { measurements, memberships, teams, type Team, type User } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { loadActivityFeed, zonedDayStart, type FeedEntry } from "@/lib/collaboration/activity-feed";
import { sendDailyDigests } from "@/lib/collaboration/digest";
import { DIGEST_JOB } from "@/lib/collaboration/digest-job";
import { getRegisteredJob } from "@/lib/jobs/registry";
import { currentPeriods, getInboxCounts, loadInbox } from "@/lib/collaboration/inbox";
import { feedFilterSchema } from "@/lib/collaboration/validation";
import { localDate } from "@/lib/periods";
import { createTeam } from "@/lib/teams/create-team";
import { ok, run } from "../support/actions";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

const person = (name: string) => createUser({ email: `${unique(name.split(" ")[0]!.toLowerCase())}@example.test`, name, emailVerified: clock.now() });

async function world(timeZone = "UTC") {
  const owner = await person("Olga Owner");
  const team = await createTeam(owner.id, unique("Team"));
  const people: Record<Exclude<Role, "contributor">, User> = { owner, admin: await person("Ada Admin"), editor: await person("Eli Editor"), viewer: await person("Vera Viewer") };
  for (const role of ["admin", "editor", "viewer"] as const) await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, people[role].id, role));
  const { db } = await getDbHandle();
  await db.update(teams).set({ plan: "team", subscriptionStatus: "active", paidSeats: 5, timeZone }).where(eq(teams.id, team.id));
  const sc = await ok<{ id: string }>(run("scorecards.create", owner, { team: team.slug, name: "Inbox" }));
  const tree = (await inTeam(team.id, (tx) => loadScorecardTree(tx, { teamId: team.id }, sc.id, "2026-01-01")))!;
  const customer = tree.perspectives.find((p) => p.kind === "customer")!;
  const objective = await ok<{ id: string; version: number }>(run("objectives.create", people.editor, { team: team.slug, perspectiveId: customer.id, title: "Delight customers" }));
  const fresh = (await db.select().from(teams).where(eq(teams.id, team.id)))[0]!;
  return { team: fresh, ...people, scorecardId: sc.id, perspectiveId: customer.id, objectiveId: objective.id };
}
type World = Awaited<ReturnType<typeof world>>;

const kpiInput = (w: World, overrides: Record<string, unknown> = {}) => ({
  team: w.team.slug, objectiveId: w.objectiveId, name: "CSAT", unit: "percent", direction: "up", baseline: "", target: "85", targetMax: "", redThreshold: "75",
  frequency: "monthly", indicator: "lagging", source: "manual", ownerId: "", weight: "1", description: "", currency: "", ...overrides,
});
const kpiUpdate = (w: World, kpiId: string, version: number, overrides: Record<string, unknown> = {}) => {
  return { ...kpiInput(w, overrides), objectiveId: undefined, kpiId, version };
};
const notificationsOf = (w: World, user: User) => inTeam(w.team.id, (tx) => listNotifications(tx, { teamId: w.team.id }, user.id));
const calendarOf = (team: Team) => ({ timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth });

describe("assignment notifications", () => {
  it("tells a member who becomes the owner of a KPI or an objective, once, and never for their own doing", async () => {
    const w = await world();
    const kpi = await ok<{ id: string; version: number }>(run("kpis.create", w.editor, kpiInput(w, { ownerId: w.viewer.id })));
    expect(await notificationsOf(w, w.viewer)).toEqual([expect.objectContaining({ kind: "assignment", entityType: "kpi", entityId: kpi.id, payload: expect.objectContaining({ actorId: w.editor.id, label: "CSAT", role: "owner" }) })]);

    // Same owner kept (a target change, a rename): nothing new.
    const v2 = await ok<{ version: number }>(run("kpis.update", w.editor, kpiUpdate(w, kpi.id, kpi.version, { ownerId: w.viewer.id, name: "CSAT (support)", target: "90" })));
    expect(await notificationsOf(w, w.viewer)).toHaveLength(1);
    // Owner changes to someone else: they hear of it; the previous owner does not.
    const v3 = await ok<{ version: number }>(run("kpis.update", w.editor, kpiUpdate(w, kpi.id, v2.version, { ownerId: w.admin.id, name: "CSAT (support)", target: "90" })));
    expect(await notificationsOf(w, w.admin)).toHaveLength(1);
    expect(await notificationsOf(w, w.viewer)).toHaveLength(1);
    // Making yourself the owner needs no notification.
    await ok(run("kpis.update", w.editor, kpiUpdate(w, kpi.id, v3.version, { ownerId: w.editor.id, name: "CSAT (support)", target: "90" })));
    expect(await notificationsOf(w, w.editor)).toHaveLength(0);

    await ok(run("objectives.update", w.editor, { team: w.team.slug, objectiveId: w.objectiveId, version: 1, perspectiveId: w.perspectiveId, title: "Delight customers", ownerId: w.owner.id }));
    const [objectiveNote] = await notificationsOf(w, w.owner);
    expect(objectiveNote).toMatchObject({ kind: "assignment", entityType: "objective", entityId: w.objectiveId });
    expect((objectiveNote!.payload as { path: string }).path).toBe(`/scorecards/${w.scorecardId}#objective-${w.objectiveId}`);
  });

  it("writes nothing when the change is refused", async () => {
    const w = await world();
    const kpi = await ok<{ id: string; version: number }>(run("kpis.create", w.editor, kpiInput(w)));
    const stale = await run("kpis.update", w.editor, kpiUpdate(w, kpi.id, kpi.version + 5, { ownerId: w.viewer.id }));
    expect(stale).toMatchObject({ ok: false, status: 409 });
    expect(await notificationsOf(w, w.viewer)).toHaveLength(0);
  });
});

describe("the inbox", () => {
  it("counts unread notifications and the KPIs you own that still owe a value this period", async () => {
    const w = await world("Pacific/Auckland");
    const mine = await ok<{ id: string }>(run("kpis.create", w.owner, kpiInput(w, { ownerId: w.viewer.id, name: "Monthly" })));
    await ok(run("kpis.create", w.owner, kpiInput(w, { ownerId: w.viewer.id, name: "Weekly", frequency: "weekly" })));
    await ok(run("kpis.create", w.owner, kpiInput(w, { ownerId: w.admin.id, name: "Not mine" })));
    const ctx = { teamId: w.team.id };
    const calendar = calendarOf(w.team);
    const now = clock.now();

    expect(await inTeam(w.team.id, (tx) => getInboxCounts(tx, ctx, w.viewer.id, calendar, now))).toEqual({ unread: 2, due: 2 });
    let inbox = await inTeam(w.team.id, (tx) => loadInbox(tx, ctx, w.viewer.id, calendar, now));
    expect(inbox.due.map((k) => [k.name, k.period])).toEqual([
      ["Monthly", currentPeriods(now, calendar).monthly],
      ["Weekly", currentPeriods(now, calendar).weekly],
    ]);
    expect(inbox.items.map((i) => [i.kind, i.label, i.read, i.actorName])).toEqual([
      ["assignment", "Weekly", false, "Olga Owner"],
      ["assignment", "Monthly", false, "Olga Owner"],
    ]);

    // A value for the current period (on the team's calendar) settles it; last period's does not.
    const periods = currentPeriods(now, calendar);
    await inTeam(w.team.id, (tx) => tx.insert(measurements).values({ teamId: w.team.id, kpiId: mine.id, period: "2020-01-01", value: 80 }));
    expect((await inTeam(w.team.id, (tx) => getInboxCounts(tx, ctx, w.viewer.id, calendar, now))).due).toBe(2);
    await inTeam(w.team.id, (tx) => tx.insert(measurements).values({ teamId: w.team.id, kpiId: mine.id, period: periods.monthly, value: 80 }));
    inbox = await inTeam(w.team.id, (tx) => loadInbox(tx, ctx, w.viewer.id, calendar, now));
    expect(inbox.due.map((k) => k.name)).toEqual(["Weekly"]);

    // Archived scorecards owe nothing.
    await ok(run("scorecards.archive", w.owner, { team: w.team.slug, scorecardId: w.scorecardId, version: 1 }));
    expect((await inTeam(w.team.id, (tx) => getInboxCounts(tx, ctx, w.viewer.id, calendar, now))).due).toBe(0);
  });

  it("marks your own notifications read, one or all, and never another member's", async () => {
    const w = await world();
    for (const name of ["A", "B", "C"]) await ok(run("kpis.create", w.owner, kpiInput(w, { ownerId: w.viewer.id, name })));
    await ok(run("kpis.create", w.owner, kpiInput(w, { ownerId: w.admin.id, name: "D" })));
    const [first, ...rest] = await notificationsOf(w, w.viewer);
    const [adminNote] = await notificationsOf(w, w.admin);

    const stranger = await ok<{ marked: number }>(run("notifications.mark_read", w.editor, { team: w.team.slug, ids: [first!.id, adminNote!.id] }));
    expect(stranger.marked).toBe(0);
    expect(await ok<{ marked: number }>(run("notifications.mark_read", w.viewer, { team: w.team.slug, ids: first!.id }))).toEqual({ marked: 1 });
    expect(await ok<{ marked: number }>(run("notifications.mark_read", w.viewer, { team: w.team.slug, ids: [first!.id] }))).toEqual({ marked: 0 });
    expect(await ok<{ marked: number }>(run("notifications.mark_all_read", w.viewer, { team: w.team.slug }))).toEqual({ marked: rest.length });
    expect((await notificationsOf(w, w.viewer)).every((n) => n.readAt !== null)).toBe(true);
    expect((await notificationsOf(w, w.admin))[0]!.readAt).toBeNull();
    expect(await run("notifications.mark_read", w.viewer, { team: w.team.slug, ids: ["nope"] })).toMatchObject({ ok: false, status: 422 });
  });
});

describe("the daily digest", () => {
  it("mails each person their unread, not-yet-mailed notifications across teams, once; nobody on a quiet day", async () => {
    const w = await world();
    const other = await world();
    // The viewer of `w` is also in the other team.
    await inTeam(other.team.id, (tx) => insertMembership(tx, { teamId: other.team.id }, w.viewer.id, "viewer"));
    const kpi = await ok<{ id: string }>(run("kpis.create", w.editor, kpiInput(w, { ownerId: w.viewer.id, name: "Activation" })));
    await ok(run("comments.create", w.editor, { team: w.team.slug, entityType: "kpi", entityId: kpi.id, body: "@Vera Viewer the number looks off" }));
    const otherKpi = await ok<{ id: string }>(run("kpis.create", other.owner, kpiInput(other, { name: "Churn" })));
    await ok(run("comments.create", other.owner, { team: other.team.slug, entityType: "kpi", entityId: otherKpi.id, body: "@Vera Viewer welcome aboard" }));
    // Read notifications stay out of it.
    await ok(run("kpis.create", w.editor, kpiInput(w, { ownerId: w.admin.id, name: "Read already" })));
    await ok(run("notifications.mark_all_read", w.admin, { team: w.team.slug }));

    const first = await sendDailyDigests(clock.now());
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const [mail, ...more] = await listOutbox({ to: w.viewer.email });
    expect(more).toEqual([]);
    expect(mail!.subject).toBe("3 unread notifications in Cairn");
    expect(mail!.text).toContain(`${w.team.name}:`);
    expect(mail!.text).toContain(`${other.team.name}:`);
    expect(mail!.text).toContain("Eli Editor made you the owner of “Activation”");
    expect(mail!.text).toContain("Eli Editor mentioned you on “Activation”: @Vera Viewer the number looks off");
    expect(mail!.text).toContain("Olga Owner mentioned you on “Churn”");
    expect(mail!.text).toContain("KPIs of yours that still need a value this period: Activation.");
    expect(mail!.text).toContain(`/t/${w.team.slug}/inbox`);
    expect(await listOutbox({ to: w.admin.email })).toEqual([]);

    // A second run (another instance, or tomorrow with nothing new) mails nobody again.
    expect(await sendDailyDigests(clock.now())).toEqual({ sent: 0, notifications: 0 });
    expect(await listOutbox({ to: w.viewer.email })).toHaveLength(1);
    // The notifications stay unread in the inbox: the digest only remembers it mailed them.
    expect((await notificationsOf(w, w.viewer)).every((n) => n.readAt === null)).toBe(true);
  });

  it("lets two instances run the digest at the same moment without mailing anyone twice", async () => {
    const w = await world();
    for (const name of ["One", "Two"]) await ok(run("kpis.create", w.editor, kpiInput(w, { ownerId: w.viewer.id, name })));
    const results = await Promise.all([sendDailyDigests(), sendDailyDigests()]);
    expect(results.reduce((n, r) => n + r.notifications, 0)).toBe(2);
    expect(await listOutbox({ to: w.viewer.email })).toHaveLength(1);
  });
});

describe("the digest preference and emailed_at", () => {
  const digestOf = (w: World, user: User) =>
    inTeam(w.team.id, (tx) => tx.select({ emailDigest: memberships.emailDigest }).from(memberships).where(eq(memberships.userId, user.id))).then((rows) => rows[0]?.emailDigest);

  it("lets any member, a viewer too, turn their own digest of one team off and on, and nobody else's", async () => {
    const w = await world();
    expect(await digestOf(w, w.viewer)).toBe(true);
    // Unticked checkbox: absent from the form. An id of someone else in the input is ignored.
    expect(await ok(run("notifications.email_digest", w.viewer, { team: w.team.slug, userId: w.admin.id, membershipId: w.admin.id }))).toEqual({ emailDigest: false });
    expect(await digestOf(w, w.viewer)).toBe(false);
    for (const other of [w.owner, w.admin, w.editor]) expect(await digestOf(w, other)).toBe(true);
    expect(await ok(run("notifications.email_digest", w.viewer, { team: w.team.slug, emailDigest: "on" }))).toEqual({ emailDigest: true });
    expect(await digestOf(w, w.viewer)).toBe(true);
    // One team's choice leaves the member's other teams alone.
    const other = await world();
    await inTeam(other.team.id, (tx) => insertMembership(tx, { teamId: other.team.id }, w.editor.id, "editor"));
    await ok(run("notifications.email_digest", w.editor, { team: other.team.slug }));
    expect(await digestOf(other, w.editor)).toBe(false);
    expect(await digestOf(w, w.editor)).toBe(true);
    // Outside the team there is nothing to change; signed out, nothing at all.
    expect(await run("notifications.email_digest", other.viewer, { team: w.team.slug })).toMatchObject({ ok: false, status: 404 });
    expect(await run("notifications.email_digest", null, { team: w.team.slug })).toMatchObject({ ok: false, status: 401 });
  });

  it("mails only members who keep the digest on; the others' notifications wait, unmailed, in their inbox", async () => {
    const w = await world();
    await ok(run("kpis.create", w.editor, kpiInput(w, { ownerId: w.viewer.id, name: "Quiet please" })));
    await ok(run("kpis.create", w.editor, kpiInput(w, { ownerId: w.admin.id, name: "Mail me" })));
    await ok(run("notifications.email_digest", w.viewer, { team: w.team.slug, emailDigest: "" }));

    await sendDailyDigests(clock.now());
    expect(await listOutbox({ to: w.viewer.email })).toEqual([]);
    const [mail, ...more] = await listOutbox({ to: w.admin.email });
    expect(more).toEqual([]);
    expect(mail!.text).toContain("Eli Editor made you the owner of “Mail me”");
    const [waiting] = await notificationsOf(w, w.viewer);
    expect(waiting).toMatchObject({ readAt: null, emailedAt: null });
  });

  it("stamps emailed_at in the run that mails a notification, so no later run mails it again", async () => {
    const w = await world();
    await ok(run("kpis.create", w.editor, kpiInput(w, { ownerId: w.viewer.id, name: "First" })));
    const at = clock.now();
    await sendDailyDigests(at);
    const [first] = await notificationsOf(w, w.viewer);
    expect(first!.emailedAt?.getTime()).toBe(at.getTime());
    expect(first!.payload).not.toHaveProperty("digestedAt");
    expect(await listOutbox({ to: w.viewer.email })).toHaveLength(1);

    // Turning the digest off and on again, and a newer notification, bring only the newer one.
    await ok(run("notifications.email_digest", w.viewer, { team: w.team.slug }));
    await ok(run("notifications.email_digest", w.viewer, { team: w.team.slug, emailDigest: "on" }));
    await ok(run("kpis.create", w.editor, kpiInput(w, { ownerId: w.viewer.id, name: "Second" })));
    await sendDailyDigests(new Date(at.getTime() + 86_400_000));
    const mails = await listOutbox({ to: w.viewer.email });
    expect(mails).toHaveLength(2);
    const latest = mails.find((m) => m.text.includes("“Second”"))!;
    expect(latest.text).not.toContain("“First”");
    expect(latest.subject).toBe("1 unread notification in Cairn");

    // A run with nothing new mails nobody.
    await sendDailyDigests(new Date(at.getTime() + 2 * 86_400_000));
    expect(await listOutbox({ to: w.viewer.email })).toHaveLength(2);
    expect((await notificationsOf(w, w.viewer)).every((n) => n.emailedAt !== null && n.readAt === null)).toBe(true);
  });
});

describe("the digest job", () => {
  it("is a recurring job of the job loop that waits for the morning, then mails", async () => {
    const job = getRegisteredJob(DIGEST_JOB)!;
    expect(job.recurring).toEqual({ everyMinutes: 1440 });
    // The loop of every instance knows it.
    expect(fs.readFileSync("lib/jobs/registered.ts", "utf8")).toContain(`import "@/lib/collaboration/digest-job";`);
    const w = await world();
    await ok(run("kpis.create", w.editor, kpiInput(w, { ownerId: w.viewer.id, name: "Morning" })));
    const context = (now: Date) => ({ job: {} as never, workerId: "test", now });
    const early = new Date("2026-05-04T03:00:00Z");
    expect(await job.handler({}, context(early))).toEqual({ runAgainAt: new Date("2026-05-04T07:00:00Z") });
    expect(await listOutbox({ to: w.viewer.email })).toEqual([]);
    await job.handler({}, context(new Date("2026-05-04T07:00:01Z")));
    expect(await listOutbox({ to: w.viewer.email })).toHaveLength(1);
  });
});

describe("the activity feed and history", () => {
  const feed = (w: World, filter: Record<string, string | undefined>, limit?: number) =>
    inTeam(w.team.id, (tx) => loadActivityFeed(tx, { teamId: w.team.id }, feedFilterSchema.parse(filter), { timeZone: w.team.timeZone }, limit));
  const words = (e: FeedEntry) => `${e.actorName} ${e.verb} ${e.noun} ${e.label}${e.detail ? `: ${e.detail}` : ""}${e.reason ? ` (${e.reason})` : ""}`.replace(/\s+/g, " ");

  it("filters by kind of item, person and dates, in words, newest first, paged by seq", async () => {
    const w = await world();
    const kpi = await ok<{ id: string; version: number }>(run("kpis.create", w.editor, kpiInput(w, { ownerId: w.viewer.id })));
    await ok(run("kpis.change_target", w.owner, { team: w.team.slug, kpiId: kpi.id, version: kpi.version, target: "88", redThreshold: "75", reason: "Board ask" }));
    await ok(run("comments.create", w.viewer, { team: w.team.slug, entityType: "kpi", entityId: kpi.id, body: "Noted" }));

    const all = await feed(w, {});
    expect(all.entries.slice(0, 3).map(words)).toEqual([
      "Vera Viewer commented on CSAT: “Noted”",
      "Olga Owner changed the target of KPI CSAT: 85 → 88 (Board ask)",
      "Eli Editor created KPI CSAT",
    ]);
    expect(all.entries[1]!.path).toBe(`/scorecards/${w.scorecardId}/kpis/${kpi.id}`);
    expect((await feed(w, { type: "kpi" })).entries.map((e) => e.entityType)).toEqual(["kpi", "kpi"]);
    expect((await feed(w, { person: w.owner.id })).entries.every((e) => e.actorId === w.owner.id)).toBe(true);
    const today = localDate(clock.now(), w.team.timeZone);
    expect((await feed(w, { from: today, to: today })).entries).toHaveLength(all.entries.length);
    expect((await feed(w, { to: "2020-01-01" })).entries).toEqual([]);
    // Bad filter values drop rather than fail.
    expect((await feed(w, { type: "users", person: "x", from: "2026-02-31" })).entries).toHaveLength(all.entries.length);

    const page1 = await feed(w, {}, 2);
    expect(page1.entries.map((e) => e.seq)).toEqual(all.entries.slice(0, 2).map((e) => e.seq));
    const page2 = await feed(w, { before: String(page1.nextBefore) }, 2);
    expect(page2.entries.map((e) => e.seq)).toEqual(all.entries.slice(2, 4).map((e) => e.seq));
    const last = await feed(w, { before: String(all.entries.at(-1)!.seq + 1) }, 2);
    expect(last.nextBefore).toBeNull();
  });

  it("keeps the label of a deleted item from its own log", async () => {
    const w = await world();
    const kpi = await ok<{ id: string; version: number }>(run("kpis.create", w.editor, kpiInput(w, { name: "Short-lived" })));
    await ok(run("kpis.delete", w.editor, { team: w.team.slug, kpiId: kpi.id, version: kpi.version }));
    const { entries } = await feed(w, { type: "kpi" });
    expect(entries.map(words)).toEqual(["Eli Editor deleted KPI Short-lived (Moved to the recycle bin)", "Eli Editor created KPI Short-lived"]);
    expect(entries[0]!.path).toBeNull();
  });

  it("serves the history panel of a KPI and of an objective to every member, and nothing of another team", async () => {
    const w = await world();
    const kpi = await ok<{ id: string; version: number }>(run("kpis.create", w.editor, kpiInput(w)));
    await ok(run("kpis.change_target", w.editor, { team: w.team.slug, kpiId: kpi.id, version: kpi.version, target: "90", redThreshold: "80", reason: "Stretch" }));
    const history = await ok<FeedEntry[]>(run("activity.history", w.viewer, { team: w.team.slug, entityType: "kpi", entityId: kpi.id }));
    expect(history.map((e) => `${e.verb}: ${e.detail ?? ""} ${e.reason ?? ""}`.trim())).toEqual([
      "changed the red threshold of: 75 → 80 Stretch",
      "changed the target of: 85 → 90 Stretch",
      "created:",
    ]);
    const objective = await ok<FeedEntry[]>(run("activity.history", w.viewer, { team: w.team.slug, entityType: "objective", entityId: w.objectiveId }));
    expect(objective.map((e) => e.verb)).toEqual(["created"]);
    const other = await world();
    expect(await ok<FeedEntry[]>(run("activity.history", w.viewer, { team: w.team.slug, entityType: "objective", entityId: other.objectiveId }))).toEqual([]);
  });

  it("starts a day at local midnight in the team's time zone", () => {
    expect(zonedDayStart("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(zonedDayStart("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(zonedDayStart("2026-01-01", "UTC").toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(zonedDayStart("2026-07-01", "Pacific/Auckland").toISOString()).toBe("2026-06-30T12:00:00.000Z");
  });
});
