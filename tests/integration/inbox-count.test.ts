// The header badge's figures come from GET /t/[team]/inbox/count (fetched by the browser after
// the page): the signed-in member's own unread notifications plus their KPIs due, never anyone
// else's. (Every principal on the route: access-matrix.)
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/t/[team]/inbox/count/route";
import { getDbHandle } from "@/db/client";
import { insertNotifications, markNotificationsRead } from "@/db/queries/notifications";
import { teams, users, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { getInboxCounts } from "@/lib/collaboration/inbox";
import { sessionCookieFor } from "../support/sessions";

let acme: Team;

const countsAs = async (email: string) => {
  const { cookie } = await sessionCookieFor(email);
  const response = await GET(new Request("http://localhost/t/acme/inbox/count", { headers: { cookie } }), { params: Promise.resolve({ team: "acme" }) });
  return { status: response.status, body: (await response.json()) as { unread: number; due: number } };
};

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
});

describe("GET /t/[team]/inbox/count", () => {
  it("counts the member's own unread notifications and KPIs due, as the inbox does", async () => {
    const { db } = await getDbHandle();
    const [editor] = await db.select().from(users).where(eq(users.email, "editor@acme.test"));
    const [viewer] = await db.select().from(users).where(eq(users.email, "viewer@acme.test"));
    const before = await countsAs("editor@acme.test");
    const viewerBefore = await countsAs("viewer@acme.test");
    await inTeam(acme.id, async (tx) => {
      const rows = await insertNotifications(tx, { teamId: acme.id }, [
        { userId: editor!.id, kind: "mention", entityType: "objective", entityId: crypto.randomUUID(), payload: {} },
        { userId: editor!.id, kind: "mention", entityType: "objective", entityId: crypto.randomUUID(), payload: {} },
        { userId: viewer!.id, kind: "mention", entityType: "objective", entityId: crypto.randomUUID(), payload: {} },
      ]);
      await markNotificationsRead(tx, { teamId: acme.id }, viewer!.id, [rows[2]!.id]);
    });

    const after = await countsAs("editor@acme.test");
    expect(after.status).toBe(200);
    expect(after.body.unread).toBe(before.body.unread + 2);
    const calendar = { timeZone: acme.timeZone, fiscalYearStartMonth: acme.fiscalYearStartMonth };
    const ctx = { teamId: acme.id };
    expect(after.body).toEqual(await inTeam(acme.id, (tx) => getInboxCounts(tx, ctx, editor!.id, calendar)));
    // A read notification does not count, and one member's notifications are not another's.
    expect((await countsAs("viewer@acme.test")).body).toEqual(viewerBefore.body);
  });

  it("refuses a visitor without a session", async () => {
    const response = await GET(new Request("http://localhost/t/acme/inbox/count"), { params: Promise.resolve({ team: "acme" }) });
    expect(response.status).toBe(401);
  });
});
