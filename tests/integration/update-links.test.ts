// Update links against the seeded demo: a link enters its one value once (a second use, even a
// concurrent one, is refused); a tampered, foreign-signed or expired link is refused and changes
// nothing; a period that is not due is refused with the reason and leaves the link unused; the
// link stops working for a KPI that changed owner or an owner who lost the right to write.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { activity, kpiExplanations, kpis, measurements, memberships, teams, updateLinkUses, type Kpi, type Team, type User } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { localDate, previousPeriod, type TeamCalendar } from "@/lib/periods";
import { reportingPeriod } from "@/lib/update-loop/due";
import { newLinkClaims, signUpdateLink, verifyUpdateLink } from "@/lib/update-loop/update-link";
import { inspectUpdateLink, submitUpdateLink } from "@/lib/update-loop/use-update-link";

const SECRET = process.env.AUTH_SECRET!;
let acme: Team;
let calendar: TeamCalendar;
let owner: User;
let editor: User;
let today: string;

/** A fresh KPI owned by `who`, never measured: its reporting period is due. */
async function newKpi(who: User, values: Partial<typeof kpis.$inferInsert> = {}): Promise<Kpi> {
  return inTeam(acme.id, async (tx) => {
    const [any] = await tx.select().from(kpis).where(eq(kpis.teamId, acme.id)).limit(1);
    const [kpi] = await tx
      .insert(kpis)
      .values({
        teamId: acme.id, objectiveId: any!.objectiveId, name: `Link KPI ${Math.random().toString(36).slice(2, 7)}`, unit: "percent", direction: "up", target: 80, redThreshold: 50,
        frequency: "monthly", indicator: "lagging", position: 50, ownerId: who.id, ...values,
      })
      .returning();
    return kpi!;
  });
}

function link(kpi: Kpi, options: { period?: string; ownerId?: string; now?: Date; ttlDays?: number; secret?: string } = {}): string {
  const claims = newLinkClaims(
    { teamId: acme.id, kpiId: kpi.id, period: options.period ?? reportingPeriod(kpi.frequency, today, calendar), ownerId: options.ownerId ?? kpi.ownerId! },
    options.now ?? clock.now(),
    options.ttlDays,
  );
  return signUpdateLink(claims, options.secret ?? SECRET);
}

async function valuesOf(kpiId: string) {
  return inTeam(acme.id, (tx) => tx.select().from(measurements).where(and(eq(measurements.teamId, acme.id), eq(measurements.kpiId, kpiId))));
}

async function usesOf(kpiId: string) {
  return inTeam(acme.id, (tx) => tx.select().from(updateLinkUses).where(and(eq(updateLinkUses.teamId, acme.id), eq(updateLinkUses.kpiId, kpiId))));
}

async function refusedWith(promise: Promise<unknown>, status: number, message?: RegExp): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("accepted");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status, (error as AppError).message).toBe(status);
  if (message) expect((error as AppError).message).toMatch(message);
  return error as AppError;
}

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  calendar = { timeZone: acme.timeZone, fiscalYearStartMonth: acme.fiscalYearStartMonth };
  owner = (await findUserByEmail("owner@acme.test"))!;
  editor = (await findUserByEmail("editor@acme.test"))!;
  today = localDate(clock.now(), acme.timeZone);
});

describe("a genuine link", () => {
  it("opens a form for its one KPI and period, without using itself up", async () => {
    const kpi = await newKpi(owner);
    const token = link(kpi);
    const state = await inspectUpdateLink(token);
    expect(state).toMatchObject({ state: "open", form: { kpiName: kpi.name, period: reportingPeriod("monthly", today, calendar), ownerName: "Dana Whitfield", teamSlug: "acme" } });
    // Opening it again (a mail scanner, a second look) changes nothing.
    expect((await inspectUpdateLink(token)).state).toBe("open");
    expect(await usesOf(kpi.id)).toEqual([]);
  });

  it("works once: the value is saved as the owner's, and a second use is refused", async () => {
    const kpi = await newKpi(owner);
    const token = link(kpi);
    const period = reportingPeriod("monthly", today, calendar);
    const done = await submitUpdateLink({ token, value: "87,5", note: "From the CRM export" });
    expect(done).toMatchObject({ value: "87.5%", status: "green", teamSlug: "acme" });
    const [saved] = await valuesOf(kpi.id);
    expect(saved).toMatchObject({ period, value: 87.5, note: "From the CRM export", enteredBy: owner.id });
    const [use] = await usesOf(kpi.id);
    expect(use).toMatchObject({ period, userId: owner.id, measurementId: saved!.id });
    // The change is in the activity log, by the owner.
    const logged = await inTeam(acme.id, (tx) => tx.select().from(activity).where(and(eq(activity.teamId, acme.id), eq(activity.entityId, saved!.id))));
    expect(logged).toMatchObject([{ actorId: owner.id, entityType: "measurement", action: "create" }]);

    expect(await inspectUpdateLink(token)).toMatchObject({ state: "used" });
    await refusedWith(submitUpdateLink({ token, value: "12" }), 410, /already been used/);
    expect((await valuesOf(kpi.id)).map((m) => m.value)).toEqual([87.5]);
  });

  it("used twice at the same moment saves once", async () => {
    const kpi = await newKpi(owner);
    const token = link(kpi);
    const results = await Promise.allSettled([submitUpdateLink({ token, value: "61" }), submitUpdateLink({ token, value: "62" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).status).toBe(410);
    expect(await valuesOf(kpi.id)).toHaveLength(1);
    expect(await usesOf(kpi.id)).toHaveLength(1);
  });

  it("asks why when the value is red, and keeps the reason", async () => {
    const kpi = await newKpi(owner);
    const done = await submitUpdateLink({ token: link(kpi), value: "30", reason: "Two enterprise customers churned" });
    expect(done).toMatchObject({ status: "red", explained: true });
    const [explanation] = await inTeam(acme.id, (tx) => tx.select().from(kpiExplanations).where(and(eq(kpiExplanations.teamId, acme.id), eq(kpiExplanations.kpiId, kpi.id))));
    expect(explanation).toMatchObject({ period: reportingPeriod("monthly", today, calendar), reason: "Two enterprise customers churned", authorId: owner.id });
  });

  it("refuses a value that is not a number, and stays usable", async () => {
    const kpi = await newKpi(owner);
    const token = link(kpi);
    await refusedWith(submitUpdateLink({ token, value: "lots" }), 422, /"lots" is not a number/);
    await refusedWith(submitUpdateLink({ token, value: "140" }), 422, /outside 0–100/);
    expect(await usesOf(kpi.id)).toEqual([]);
    await submitUpdateLink({ token, value: "90" });
    expect(await valuesOf(kpi.id)).toHaveLength(1);
  });
});

describe("a bad link changes nothing", () => {
  it("tampered anywhere — claims or signature — is refused as not valid", async () => {
    const kpi = await newKpi(owner);
    const token = link(kpi);
    const [version, claims, signature] = token.split(".") as [string, string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    const tampered = [
      `${version}.${flip(claims, 10)}.${signature}`, // another team / KPI id
      `${version}.${flip(claims, 90)}.${signature}`, // another expiry
      `${version}.${claims}.${flip(signature, 5)}`,
      `${version}.${claims}.${flip(signature, signature.length - 1)}`,
      `v2.${claims}.${signature}`,
      `${version}.${claims}`,
      "",
      "not-a-link",
    ];
    for (const bad of tampered) {
      expect(await inspectUpdateLink(bad), bad).toEqual({ state: "invalid" });
      await refusedWith(submitUpdateLink({ token: bad, value: "50" }), 404, /not valid/);
    }
    // Signed with another secret: just as invalid.
    const foreign = link(kpi, { secret: "another-secret-another-secret-another-secret" });
    expect(await inspectUpdateLink(foreign)).toEqual({ state: "invalid" });
    await refusedWith(submitUpdateLink({ token: foreign, value: "50" }), 404);
    expect(await valuesOf(kpi.id)).toEqual([]);
    expect(await usesOf(kpi.id)).toEqual([]);
    // The genuine one still works.
    expect(verifyUpdateLink(token, SECRET, clock.now()).ok).toBe(true);
    await submitUpdateLink({ token, value: "70" });
  });

  it("expired is refused, saying when it expired", async () => {
    const kpi = await newKpi(owner);
    const token = link(kpi, { now: new Date(clock.nowMs() - 8 * 86_400_000), ttlDays: 7 });
    const state = await inspectUpdateLink(token);
    expect(state).toMatchObject({ state: "expired", what: expect.stringContaining(kpi.name) });
    await refusedWith(submitUpdateLink({ token, value: "50" }), 410, /expired on \d{4}-\d{2}-\d{2}/);
    expect(await valuesOf(kpi.id)).toEqual([]);
    expect(await usesOf(kpi.id)).toEqual([]);
  });
});

describe("a period that is not due", () => {
  it("is refused with the reason, and the link is not used up", async () => {
    const kpi = await newKpi(owner);
    const old = previousPeriod(previousPeriod(reportingPeriod("monthly", today, calendar), "monthly", calendar), "monthly", calendar);
    const token = link(kpi, { period: old });
    const state = await inspectUpdateLink(token);
    expect(state).toMatchObject({ state: "refused", message: expect.stringMatching(/is not due any more: values are due for/) });
    await refusedWith(submitUpdateLink({ token, value: "50" }), 422, /is not due any more/);
    expect(await valuesOf(kpi.id)).toEqual([]);
    expect(await usesOf(kpi.id)).toEqual([]);
  });

  it("already holding a value is refused: a link only fills a gap", async () => {
    const kpi = await newKpi(owner);
    const period = reportingPeriod("monthly", today, calendar);
    await inTeam(acme.id, (tx) => tx.insert(measurements).values({ teamId: acme.id, kpiId: kpi.id, period, value: 55 }));
    const token = link(kpi);
    expect(await inspectUpdateLink(token)).toMatchObject({ state: "refused", message: expect.stringContaining("already has a value (55%)") });
    await refusedWith(submitUpdateLink({ token, value: "99" }), 409);
    expect((await valuesOf(kpi.id)).map((m) => m.value)).toEqual([55]);
  });
});

describe("the link is the owner's, for as long as they own the KPI", () => {
  it("stops working when the KPI gets a new owner", async () => {
    const kpi = await newKpi(owner);
    const token = link(kpi);
    await inTeam(acme.id, (tx) => tx.update(kpis).set({ ownerId: editor.id }).where(and(eq(kpis.teamId, acme.id), eq(kpis.id, kpi.id))));
    expect(await inspectUpdateLink(token)).toMatchObject({ state: "refused", message: expect.stringContaining("new owner") });
    await refusedWith(submitUpdateLink({ token, value: "50" }), 403);
    expect(await valuesOf(kpi.id)).toEqual([]);
  });

  it("stops working when the owner may no longer write, or leaves the team", async () => {
    const kpi = await newKpi(editor);
    const token = link(kpi);
    const setRole = (role: "viewer" | "editor") =>
      inTeam(acme.id, (tx) => tx.update(memberships).set({ role }).where(and(eq(memberships.teamId, acme.id), eq(memberships.userId, editor.id))));
    await setRole("viewer");
    await refusedWith(submitUpdateLink({ token, value: "50" }), 403, /no longer allows/);
    await setRole("editor");
    await inTeam(acme.id, (tx) => tx.delete(memberships).where(and(eq(memberships.teamId, acme.id), eq(memberships.userId, editor.id))));
    await refusedWith(submitUpdateLink({ token, value: "50" }), 403, /no longer a member/);
    await inTeam(acme.id, (tx) => tx.insert(memberships).values({ teamId: acme.id, userId: editor.id, role: "editor" }));
    expect(await valuesOf(kpi.id)).toEqual([]);
    // Back in the team with the right role, the unused link works.
    await submitUpdateLink({ token, value: "50" });
    expect(await valuesOf(kpi.id)).toHaveLength(1);
  });

  it("cannot be bent to another owner's name: the owner is part of what is signed", async () => {
    const kpi = await newKpi(owner);
    // A link made out to the editor for the owner's KPI (as if someone forged the owner field).
    const token = link(kpi, { ownerId: editor.id });
    await refusedWith(submitUpdateLink({ token, value: "50" }), 403, /new owner/);
    expect(await valuesOf(kpi.id)).toEqual([]);
  });
});
