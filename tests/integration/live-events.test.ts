import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { memberships, teams } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { findMembershipByUser, insertMembership } from "@/db/queries/memberships";
import { updateTeamSettings } from "@/db/queries/teams";
import { clock } from "@/lib/clock";
import { listenerCount } from "@/lib/realtime/hub";
import { openStreamCount, STREAM_LIMITS } from "@/lib/realtime/stream";
import { createTeam } from "@/lib/teams/create-team";
import { removeMember } from "@/lib/teams/members";
import { GET as events } from "@/app/api/events/route";
import { POST as presence, PRESENCE_MAX_BYTES } from "@/app/api/presence/route";
import { sessionCookieFor } from "../support/sessions";

/** Reads SSE frames from a streaming Response as they arrive. */
function reader(response: Response) {
  const frames: Array<{ id?: string; event?: string; data?: unknown }> = [];
  const decoder = new TextDecoder();
  let buffer = "";
  let done = false;
  const r = response.body!.getReader();
  void (async () => {
    for (;;) {
      const { value, done: end } = await r.read();
      if (end) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const f: { id?: string; event?: string; data?: unknown } = {};
        for (const line of block.split("\n")) {
          if (line.startsWith("id: ")) f.id = line.slice(4);
          if (line.startsWith("event: ")) f.event = line.slice(7);
          if (line.startsWith("data: ")) f.data = JSON.parse(line.slice(6));
        }
        if (f.event || f.data) frames.push(f);
      }
    }
    done = true;
  })();
  return {
    frames,
    get done() {
      return done;
    },
    async waitFor(predicate: (f: (typeof frames)[number]) => boolean, ms = 3000) {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        const found = frames.find(predicate);
        if (found) return found;
        await new Promise((res) => setTimeout(res, 10));
      }
      throw new Error(`no matching frame in ${ms} ms; got ${JSON.stringify(frames)}`);
    },
    cancel: () => r.cancel(),
  };
}

const open = (team: string, cookie: string, headers: Record<string, string> = {}) => {
  const controller = new AbortController();
  const request = new Request(`http://localhost/api/events?team=${team}`, { headers: { cookie, ...headers }, signal: controller.signal });
  return { response: events(request), abort: () => controller.abort() };
};

let acmeId: string;
let globexId: string;

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acmeId = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!.id;
  globexId = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!.id;
}, 60_000);

const change = (teamId: string, entityId = crypto.randomUUID()) =>
  inTeam(teamId, (tx) => recordChange(tx, { teamId }, { actorId: null, entityType: "kpi", entityId, action: "update", field: "target" }, { version: 2 }));

describe("GET /api/events", () => {
  it("refuses anonymous callers (401) and other teams (404)", async () => {
    expect((await open("acme", "").response).status).toBe(401);
    const globex = await sessionCookieFor("owner@globex.test");
    expect((await open("acme", globex.cookie).response).status).toBe(404);
  });

  it("forwards this team's changes, and never another team's", async () => {
    const acme = await sessionCookieFor("editor@acme.test");
    const globex = await sessionCookieFor("owner@globex.test");
    const a = open("acme", acme.cookie);
    const g = open("globex", globex.cookie);
    const streamA = reader(await a.response);
    const streamG = reader(await g.response);
    await streamA.waitFor((f) => f.event === "ready");
    await streamG.waitFor((f) => f.event === "ready");

    const kpiId = crypto.randomUUID();
    const started = performance.now();
    await change(acmeId, kpiId);
    const frame = await streamA.waitFor((f) => f.event === "change" && (f.data as { id: string }).id === kpiId);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(frame.data).toMatchObject({ e: "kpi", id: kpiId, op: "update", v: 2 });
    expect(Number(frame.id)).toBeGreaterThan(0);

    await change(globexId);
    await streamG.waitFor((f) => f.event === "change");
    await new Promise((r) => setTimeout(r, 150));
    expect(streamA.frames.filter((f) => f.event === "change")).toHaveLength(1);
    expect(streamG.frames.filter((f) => f.event === "change")).toHaveLength(1);

    a.abort();
    g.abort();
    await new Promise((r) => setTimeout(r, 50));
    expect(listenerCount(acmeId)).toBe(0);
  });

  it("replays what a reconnecting client missed after its Last-Event-ID", async () => {
    const acme = await sessionCookieFor("viewer@acme.test");
    const first = open("acme", acme.cookie);
    const s1 = reader(await first.response);
    await s1.waitFor((f) => f.event === "ready");
    await change(acmeId);
    const seen = await s1.waitFor((f) => f.event === "change");
    first.abort();

    const missed = [crypto.randomUUID(), crypto.randomUUID()];
    for (const id of missed) await change(acmeId, id);
    const again = open("acme", acme.cookie, { "last-event-id": seen.id! });
    const s2 = reader(await again.response);
    await s2.waitFor((f) => f.event === "ready");
    const replayed = s2.frames.filter((f) => f.event === "change").map((f) => (f.data as { id: string }).id);
    expect(replayed).toEqual(missed);
    again.abort();
  });

  it("ends the stream of a member removed from the team before any later event", async () => {
    const editor = await sessionCookieFor("editor@acme.test");
    const stream = open("acme", editor.cookie);
    const s = reader(await stream.response);
    await s.waitFor((f) => f.event === "ready");
    const user = await findUserByEmail("editor@acme.test");
    await inTeam(acmeId, async (tx) => {
      const [m] = await tx.delete(memberships).where(eq(memberships.userId, user!.id)).returning();
      await recordChange(tx, { teamId: acmeId }, { actorId: null, entityType: "membership", entityId: m!.id, action: "delete" });
    });
    const secret = crypto.randomUUID();
    await change(acmeId, secret);
    await s.waitFor((f) => f.event === "revoked");
    await new Promise((r) => setTimeout(r, 200));
    expect(s.frames.some((f) => (f.data as { id?: string })?.id === secret)).toBe(false);
    expect(s.done).toBe(true);
  });
});

describe("POST /api/presence", () => {
  it("refuses a body larger than a heartbeat (413) while it arrives, without reading the rest", async () => {
    const owner = await sessionCookieFor("owner@acme.test");
    let pulled = 0;
    const chunk = new TextEncoder().encode(`{"team":"acme","pad":"${"x".repeat(64 * 1024)}`);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 20 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await presence(
      new Request("http://localhost/api/presence", { method: "POST", headers: { cookie: owner.cookie, "content-type": "application/json" }, body: endless, duplex: "half" } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(1024 * 1024);

    const declared = await presence(
      new Request("http://localhost/api/presence", {
        method: "POST",
        headers: { cookie: owner.cookie, "content-type": "application/json", "content-length": String(10 * 1024 * 1024) },
        body: JSON.stringify({ team: "acme" }),
      }),
    );
    expect(declared.status).toBe(413);
    expect(PRESENCE_MAX_BYTES).toBeLessThanOrEqual(4096);
  });

  it("announces who is where to the team's streams, without storing anything", async () => {
    const viewer = await sessionCookieFor("viewer@acme.test");
    const owner = await sessionCookieFor("owner@acme.test");
    const stream = open("acme", viewer.cookie);
    const s = reader(await stream.response);
    await s.waitFor((f) => f.event === "ready");
    const scorecardId = crypto.randomUUID();
    const kpiId = crypto.randomUUID();
    const response = await presence(
      new Request("http://localhost/api/presence", {
        method: "POST",
        headers: { cookie: owner.cookie, "content-type": "application/json" },
        body: JSON.stringify({ team: "acme", scope: `scorecard:${scorecardId}`, editing: `kpi:${kpiId}:target` }),
      }),
    );
    expect(response.status).toBe(204);
    const frame = await s.waitFor((f) => f.event === "presence");
    expect(frame.data).toMatchObject({ type: "presence", userId: owner.user.id, scope: `scorecard:${scorecardId}`, editing: `kpi:${kpiId}:target`, hello: false });

    // A tab whose stream has just come up says hello: the others answer it with their own state.
    await presence(
      new Request("http://localhost/api/presence", {
        method: "POST",
        headers: { cookie: owner.cookie, "content-type": "application/json" },
        body: JSON.stringify({ team: "acme", scope: `scorecard:${scorecardId}`, hello: true }),
      }),
    );
    const hello = await s.waitFor((f) => f.event === "presence" && (f.data as { hello?: boolean }).hello === true);
    expect(hello.data).toMatchObject({ userId: owner.user.id, editing: null, hello: true });
    stream.abort();

    const outsider = await sessionCookieFor("owner@globex.test");
    const refused = await presence(
      new Request("http://localhost/api/presence", {
        method: "POST",
        headers: { cookie: outsider.cookie, "content-type": "application/json" },
        body: JSON.stringify({ team: "acme", scope: `scorecard:${scorecardId}` }),
      }),
    );
    expect(refused.status).toBe(404);
  });
});

describe("GET /api/events: limits and revocation", () => {
  it(`caps one person's open streams at ${STREAM_LIMITS.perUser} per instance (429 with Retry-After), and frees a slot when one closes`, async () => {
    const viewer = await sessionCookieFor("viewer@acme.test");
    const opened = [];
    for (let i = 0; i < STREAM_LIMITS.perUser; i++) {
      const stream = open("acme", viewer.cookie);
      const s = reader(await stream.response);
      await s.waitFor((f) => f.event === "ready");
      opened.push({ stream, s });
    }
    expect(openStreamCount(viewer.user.id)).toBe(STREAM_LIMITS.perUser);
    const refused = await open("acme", viewer.cookie).response;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Someone else is not affected by this person's streams.
    const owner = await sessionCookieFor("owner@acme.test");
    const other = open("acme", owner.cookie);
    expect((await other.response).status).toBe(200);
    other.abort();

    opened[0]!.stream.abort();
    await new Promise((r) => setTimeout(r, 50));
    expect(openStreamCount(viewer.user.id)).toBe(STREAM_LIMITS.perUser - 1);
    const again = open("acme", viewer.cookie);
    expect((await again.response).status).toBe(200);
    again.abort();
    for (const { stream } of opened.slice(1)) stream.abort();
    await new Promise((r) => setTimeout(r, 50));
    expect(openStreamCount(viewer.user.id)).toBe(0);
  });

  it("checks membership by the team's id: a member removed after their team's slug passed to another team of theirs is revoked", async () => {
    const owner = await createUser({ email: `slug-owner-${crypto.randomUUID()}@example.test`, name: "Owner", emailVerified: clock.now() });
    const member = await createUser({ email: `slug-member-${crypto.randomUUID()}@example.test`, name: "Member", emailVerified: clock.now() });
    const first = await createTeam(owner.id, `Slug First ${crypto.randomUUID().slice(0, 6)}`);
    const second = await createTeam(owner.id, `Slug Second ${crypto.randomUUID().slice(0, 6)}`);
    for (const team of [first, second]) await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, member.id, "viewer"));

    const cookie = (await sessionCookieFor(member.email)).cookie;
    const stream = open(first.slug, cookie);
    const s = reader(await stream.response);
    await s.waitFor((f) => f.event === "ready");

    // The first team takes a new URL name; the second takes the first's old one.
    const oldSlug = first.slug;
    await inTeam(first.id, (tx) => updateTeamSettings(tx, { teamId: first.id }, { name: first.name, slug: `${oldSlug}-renamed`, timeZone: first.timeZone, fiscalYearStartMonth: first.fiscalYearStartMonth }, first.version));
    await inTeam(second.id, (tx) => updateTeamSettings(tx, { teamId: second.id }, { name: second.name, slug: oldSlug, timeZone: second.timeZone, fiscalYearStartMonth: second.fiscalYearStartMonth }, second.version));

    const ownerCtx = async (team: typeof first) => ({ teamId: team.id, userId: owner.id, role: "owner" as const, membershipId: (await inTeam(team.id, (tx) => findMembershipByUser(tx, { teamId: team.id }, owner.id)))!.id });
    const membership = (await inTeam(first.id, (tx) => findMembershipByUser(tx, { teamId: first.id }, member.id)))!;
    const ctx = await ownerCtx(first);
    await inTeam(first.id, (tx) => removeMember(tx, ctx, { membershipId: membership.id }));

    await s.waitFor((f) => f.event === "revoked");
    const secret = crypto.randomUUID();
    await change(first.id, secret);
    await new Promise((r) => setTimeout(r, 200));
    expect(s.frames.some((f) => (f.data as { id?: string })?.id === secret)).toBe(false);
  });
});
