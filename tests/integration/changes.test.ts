import { describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import { teamChannel, recordChange } from "@/db/queries/changes";
import { listActivity } from "@/db/queries/activity";
import { updateVersioned } from "@/db/queries/versioned";
import { journeys, teams } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { AppError } from "@/lib/errors";

async function team(slug: string) {
  const { db } = await getDbHandle();
  const [row] = await db.insert(teams).values({ name: slug, slug }).returning();
  return row!;
}

const waitFor = async (check: () => boolean, ms = 2000) => {
  const until = performance.now() + ms;
  while (!check() && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
};

describe("recordChange", () => {
  it("logs the activity and notifies the team channel only once the transaction commits", async () => {
    const handle = await getDbHandle();
    const t = await team("changes-a");
    const heard: string[] = [];
    const unlisten = await handle.listen(teamChannel(t.id), (payload) => heard.push(payload));
    try {
      const id = crypto.randomUUID();
      await inTeam(t.id, (tx) => recordChange(tx, { teamId: t.id }, { actorId: null, entityType: "journey", entityId: id, action: "create" }, { version: 1 }));
      await waitFor(() => heard.length > 0);
      expect(heard.map((p) => JSON.parse(p))).toEqual([{ e: "journey", id, op: "create", a: null, v: 1, s: expect.any(Number) }]);

      // A rolled-back change is never announced and leaves no activity.
      await expect(
        inTeam(t.id, async (tx) => {
          await recordChange(tx, { teamId: t.id }, { actorId: null, entityType: "journey", entityId: crypto.randomUUID(), action: "update" });
          throw new Error("rollback");
        }),
      ).rejects.toThrow("rollback");
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toHaveLength(1);
      expect(await inTeam(t.id, (tx) => listActivity(tx, { teamId: t.id }))).toHaveLength(1);
    } finally {
      await unlisten();
    }
  });
});

describe("updateVersioned", () => {
  it("applies a write based on the current version and refuses a stale one with the current row", async () => {
    const t = await team("versioned-a");
    const ctx = { teamId: t.id };
    const [journey] = await inTeam(t.id, (tx) => tx.insert(journeys).values({ teamId: t.id, name: "Before" }).returning());
    const updated = await inTeam(t.id, (tx) => updateVersioned(tx, journeys, ctx, journey!.id, 1, { name: "Mine" }));
    expect(updated).toMatchObject({ name: "Mine", version: 2 });

    const stale = await inTeam(t.id, (tx) => updateVersioned(tx, journeys, ctx, journey!.id, 1, { name: "Theirs" })).catch((e) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect(stale).toMatchObject({ code: "conflict", status: 409, extra: { current: { name: "Mine", version: 2 } } });
  });

  it("treats another team's row as not found", async () => {
    const a = await team("versioned-b");
    const b = await team("versioned-c");
    const [journey] = await inTeam(a.id, (tx) => tx.insert(journeys).values({ teamId: a.id, name: "A" }).returning());
    const error = await inTeam(b.id, (tx) => updateVersioned(tx, journeys, { teamId: b.id }, journey!.id, 1, { name: "B" })).catch((e) => e);
    expect(error).toMatchObject({ code: "not_found", status: 404 });
  });
});
