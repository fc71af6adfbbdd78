// The demo dataset: "Acme Outdoor" with a mapped journey and an aligned scorecard holding
// 13+ months of measurements, so every screen has something real to show. A second team,
// "Globex", exists so cross-team refusals can be seen and tested.
import { eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { clock } from "@/lib/clock";
import { journeyTemplate } from "@/lib/journey-templates";
import { findKpiTemplate, type KpiTemplate } from "@/lib/kpi-library";
import { currentPeriod, periodsBetween, previousPeriod, type TeamCalendar } from "@/lib/periods";
import type { Database, Tx } from "./client";
import {
  initiatives, journeys, kpis, measurements, memberships, objectiveLinks, objectiveStages, objectives, perspectives, scorecards,
  stageNotes, stages, teams, touchpoints, users,
} from "./schema";
import { inTeam } from "./tenant";

export const DEMO_PASSWORD = "cairn-demo-2026";
export const DEMO_TEAM = { name: "Acme Outdoor", slug: "acme" } as const;
export const OTHER_TEAM = { name: "Globex", slug: "globex" } as const;

export const DEMO_ACCOUNTS = [
  { email: "owner@acme.test", name: "Dana Whitfield", role: "owner", password: DEMO_PASSWORD },
  { email: "admin@acme.test", name: "Sam Okafor", role: "admin", password: DEMO_PASSWORD },
  { email: "editor@acme.test", name: "Eli Novak", role: "editor", password: DEMO_PASSWORD },
  { email: "viewer@acme.test", name: "Vera Lindqvist", role: "viewer", password: DEMO_PASSWORD },
  { email: "contributor@acme.test", name: "Cleo Marsh", role: "contributor", password: DEMO_PASSWORD },
  { email: "owner@globex.test", name: "Gus Globex", role: "owner", password: DEMO_PASSWORD },
] as const;

/** A small deterministic PRNG (mulberry32): the same demo data on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOUCHPOINTS: Record<string, Array<[channel: typeof touchpoints.$inferInsert.channel, description: string]>> = {
  Discovery: [["social", "Trail videos on social media"], ["website", "Gear guides on the blog"], ["partner", "Hiking club recommendations"]],
  Evaluation: [["website", "Product pages with size and weight comparisons"], ["chat", "Live chat with a gear expert"]],
  Purchase: [["website", "Checkout and payment"], ["email", "Order confirmation"]],
  Onboarding: [["email", "Delivery tracking and fitting guide"], ["in_app", "First-trip checklist in the app"]],
  Usage: [["in_app", "Trip log and gear care reminders"], ["store", "Repair workshop in store"]],
  Support: [["support", "Returns and warranty desk"], ["phone", "Hotline for urgent trip issues"]],
};
const NOTES: Record<string, { pain: string[]; opportunity: string[] }> = {
  Discovery: { pain: ["Hard to tell which gear suits beginners"], opportunity: ["Beginner bundles with a trail guide"] },
  Evaluation: { pain: ["Sizing unclear without trying on"], opportunity: ["Virtual fitting from three measurements"] },
  Purchase: { pain: ["Shipping cost shown only at the last step"], opportunity: ["Free-shipping threshold shown on the cart"] },
  Onboarding: { pain: ["Boots arrive without break-in advice", "Setup video buried in e-mail"], opportunity: ["First-week coaching e-mails"] },
  Usage: { pain: ["No reminder to re-proof jackets"], opportunity: ["Seasonal care kit subscription"] },
  Support: { pain: ["Returns need a printed label"], opportunity: ["QR-code returns in store"] },
};

/** Perspective → objectives (title, stages served, KPI template keys). */
const PLAN: Array<{ kind: "financial" | "customer" | "internal" | "learning"; name: string; weight: number; objectives: Array<{ title: string; stages: string[]; kpis: string[] }> }> = [
  {
    kind: "financial", name: "Financial", weight: 1.5,
    objectives: [
      { title: "Grow recurring revenue", stages: ["Purchase", "Usage"], kpis: ["revenue-growth", "arpu"] },
      { title: "Improve unit economics", stages: ["Purchase"], kpis: ["gross-margin", "cac-payback"] },
    ],
  },
  {
    kind: "customer", name: "Customer", weight: 1.5,
    objectives: [
      { title: "Make the first trip a success", stages: ["Onboarding"], kpis: ["activation-rate", "time-to-first-value", "retention-rate"] },
      { title: "Earn loyal advocates", stages: ["Usage", "Support"], kpis: ["nps", "churn-rate"] },
    ],
  },
  {
    kind: "internal", name: "Internal Processes", weight: 1,
    objectives: [
      { title: "Resolve issues on first contact", stages: ["Support"], kpis: ["first-response-time", "average-resolution-time"] },
      { title: "Ship orders right and on time", stages: ["Purchase", "Onboarding"], kpis: ["on-time-delivery", "defect-rate"] },
    ],
  },
  {
    kind: "learning", name: "Learning & Growth", weight: 1,
    objectives: [
      { title: "Build expert gear advisors", stages: ["Evaluation", "Support"], kpis: ["training-hours", "certified-staff"] },
      { title: "Keep a motivated team", stages: [], kpis: ["employee-nps"] },
    ],
  },
];

/** A value path from the baseline towards (and sometimes past) the target, with noise. */
function series(template: KpiTemplate, count: number, rand: () => number, drift: number): number[] {
  const span = template.direction === "range" ? template.redThreshold : Math.abs(template.target - template.baseline) || Math.abs(template.target) * 0.2 || 1;
  const start = template.direction === "range" ? (template.target + (template.targetMax ?? template.target)) / 2 + span : template.baseline;
  const goal = template.direction === "range" ? (template.target + (template.targetMax ?? template.target)) / 2 : template.target + (template.target - template.baseline) * (drift - 1);
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const progress = count === 1 ? 1 : i / (count - 1);
    const noise = (rand() - 0.5) * span * 0.35;
    let value = start + (goal - start) * progress + noise;
    if (template.unit === "percent") value = Math.min(100, Math.max(0, value));
    if (template.unit !== "currency" && template.unit !== "percent") value = Math.max(0, value);
    values.push(Math.round(value * 10) / 10);
  }
  return values;
}

async function upsertUsers(db: Database) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const [row] = await db
      .insert(users)
      .values({ email: account.email, name: account.name, passwordHash, emailVerified: clock.now() })
      .onConflictDoUpdate({ target: users.email, set: { passwordHash } })
      .returning({ id: users.id });
    ids.set(account.email, row!.id);
  }
  return ids;
}

async function seedAcme(tx: Tx, teamId: string, userIds: Map<string, string>, calendar: TeamCalendar) {
  const rand = random(20261123);
  const owner = userIds.get("owner@acme.test")!;
  const admin = userIds.get("admin@acme.test")!;
  const editor = userIds.get("editor@acme.test")!;
  const owners = [owner, admin, editor];

  const [journey] = await tx
    .insert(journeys)
    .values({
      teamId,
      name: "Weekend hiker",
      personaName: "Hanna, 34, weekend hiker",
      personaDescription: "Hikes twice a month, buys online, wants gear that lasts and advice she can trust.",
      goal: "Get ready for a first multi-day trek without overspending.",
      description: "From first hearing of Acme to coming back for the next season's gear.",
    })
    .returning({ id: journeys.id });
  const template = journeyTemplate("lifecycle");
  const stageRows = await tx
    .insert(stages)
    .values(template.stages.map((s, position) => ({
      teamId, journeyId: journey!.id, name: s.name, position, customerGoal: s.customerGoal, doing: s.doing, thinking: s.thinking, feeling: s.feeling,
      emotion: s.name === "Onboarding" ? -1 : s.emotion,
    })))
    .returning({ id: stages.id, name: stages.name });
  const stageId = new Map(stageRows.map((s) => [s.name, s.id]));

  await tx.insert(touchpoints).values(
    stageRows.flatMap((stage) =>
      (TOUCHPOINTS[stage.name] ?? []).map(([channel, description], position) => ({
        teamId, stageId: stage.id, channel, description, position, ownerId: owners[position % owners.length],
      })),
    ),
  );
  await tx.insert(stageNotes).values(
    stageRows.flatMap((stage) => [
      ...(NOTES[stage.name]?.pain ?? []).map((text, position) => ({ teamId, stageId: stage.id, kind: "pain_point" as const, text, position })),
      ...(NOTES[stage.name]?.opportunity ?? []).map((text, position) => ({ teamId, stageId: stage.id, kind: "opportunity" as const, text, position })),
    ]),
  );

  const [scorecard] = await tx
    .insert(scorecards)
    .values({ teamId, name: "Acme Outdoor 2026", description: "Company scorecard aligned with the weekend hiker journey.", journeyId: journey!.id })
    .returning({ id: scorecards.id });

  const now = clock.now();
  const objectiveIds: string[][] = [];
  let kpiIndex = 0;
  const measurementRows: Array<typeof measurements.$inferInsert> = [];
  for (const [pIndex, p] of PLAN.entries()) {
    const [perspective] = await tx
      .insert(perspectives)
      .values({ teamId, scorecardId: scorecard!.id, kind: p.kind, name: p.name, position: pIndex, weight: p.weight })
      .returning({ id: perspectives.id });
    const ids: string[] = [];
    for (const [oIndex, o] of p.objectives.entries()) {
      const [objective] = await tx
        .insert(objectives)
        .values({ teamId, scorecardId: scorecard!.id, perspectiveId: perspective!.id, title: o.title, ownerId: owners[(pIndex + oIndex) % owners.length], position: oIndex })
        .returning({ id: objectives.id });
      ids.push(objective!.id);
      if (o.stages.length) {
        await tx.insert(objectiveStages).values(o.stages.map((name) => ({ teamId, objectiveId: objective!.id, stageId: stageId.get(name)! })));
      }
      for (const [kIndex, key] of o.kpis.entries()) {
        const t = findKpiTemplate(key);
        if (!t) throw new Error(`Unknown KPI template ${key}`);
        const [kpi] = await tx
          .insert(kpis)
          .values({
            teamId, objectiveId: objective!.id, name: t.name, description: t.description, unit: t.unit, currency: t.currency ?? null,
            direction: t.direction, baseline: t.baseline, target: t.target, targetMax: t.targetMax, redThreshold: t.redThreshold,
            frequency: t.frequency, indicator: t.indicator, ownerId: owners[kpiIndex % owners.length], position: kIndex,
          })
          .returning({ id: kpis.id });
        // Mostly improving; a few falling short so the dashboard has something to flag, one left stale.
        const drift = kpiIndex % 5 === 3 ? 0.2 : kpiIndex % 7 === 2 ? 0.7 : 1.05;
        const count = t.frequency === "weekly" ? 56 : t.frequency === "monthly" ? 13 : 5;
        const last = kpiIndex === 6 ? previousPeriod(previousPeriod(previousPeriod(currentPeriod(now, t.frequency, calendar), t.frequency, calendar), t.frequency, calendar), t.frequency, calendar) : previousPeriod(currentPeriod(now, t.frequency, calendar), t.frequency, calendar);
        let first = last;
        for (let i = 1; i < count; i++) first = previousPeriod(first, t.frequency, calendar);
        const periods = periodsBetween(first, last, t.frequency, calendar);
        const values = series(t, periods.length, rand, drift);
        periods.forEach((period, i) =>
          measurementRows.push({ teamId, kpiId: kpi!.id, period, value: values[i]!, enteredBy: owners[i % owners.length], note: i === periods.length - 1 && drift < 1 ? "Below plan: see the initiative." : "" }),
        );
        kpiIndex++;
      }
    }
    objectiveIds.push(ids);
  }
  for (let i = 0; i < measurementRows.length; i += 500) await tx.insert(measurements).values(measurementRows.slice(i, i + 500));

  // Strategy map: each perspective's objectives drive the one above (learning → internal → customer → financial).
  const [fin, cust, internal, learning] = objectiveIds;
  const links: Array<[string, string]> = [
    [learning![0]!, internal![0]!], [learning![1]!, internal![1]!], [internal![0]!, cust![1]!], [internal![1]!, cust![0]!],
    [cust![0]!, fin![0]!], [cust![1]!, fin![0]!], [internal![1]!, fin![1]!],
  ];
  await tx.insert(objectiveLinks).values(links.map(([causeId, effectId]) => ({ teamId, scorecardId: scorecard!.id, causeId, effectId })));

  const today = clock.now();
  const day = (offset: number) => new Date(today.getTime() + offset * 86400000).toISOString().slice(0, 10);
  await tx.insert(initiatives).values([
    { teamId, objectiveId: cust![0]!, title: "First-trip coaching e-mails", ownerId: editor, startDate: day(-60), dueDate: day(30), status: "in_progress", progress: 55, budget: 12000 },
    { teamId, objectiveId: internal![0]!, title: "Gear expert chat on every product page", ownerId: admin, startDate: day(-120), dueDate: day(-10), status: "in_progress", progress: 80, budget: 30000 },
    { teamId, objectiveId: learning![0]!, title: "Advisor certification programme", ownerId: owner, startDate: day(-200), dueDate: day(-30), status: "done", progress: 100, budget: 18000 },
    { teamId, objectiveId: fin![1]!, title: "Renegotiate shipping contracts", ownerId: admin, startDate: day(10), dueDate: day(120), status: "planned", progress: 0, budget: 5000 },
  ]);
}

/** Seeds the demo teams. With `ifEmpty`, does nothing when the demo team already exists. */
export async function seedDemo(db: Database, options: { ifEmpty?: boolean } = {}): Promise<{ teamName: string; teamSlug: string } | null> {
  const [existing] = await db.select({ id: teams.id }).from(teams).where(eq(teams.slug, DEMO_TEAM.slug)).limit(1);
  if (existing) {
    if (options.ifEmpty) return null;
    await db.delete(teams).where(eq(teams.slug, DEMO_TEAM.slug));
    await db.delete(teams).where(eq(teams.slug, OTHER_TEAM.slug));
  }
  const userIds = await upsertUsers(db);
  const calendar: TeamCalendar = { timeZone: "Europe/Berlin", fiscalYearStartMonth: 1 };
  const [acme, globex] = await db
    .insert(teams)
    .values([
      { ...DEMO_TEAM, timeZone: calendar.timeZone, fiscalYearStartMonth: calendar.fiscalYearStartMonth },
      { ...OTHER_TEAM, timeZone: "America/New_York" },
    ])
    .returning({ id: teams.id });

  await inTeam(acme!.id, async (tx) => {
    await tx.insert(memberships).values(
      DEMO_ACCOUNTS.filter((a) => a.email.endsWith("@acme.test")).map((a) => ({ teamId: acme!.id, userId: userIds.get(a.email)!, role: a.role })),
    );
    await seedAcme(tx, acme!.id, userIds, calendar);
  }, db);
  await inTeam(globex!.id, async (tx) => {
    await tx.insert(memberships).values({ teamId: globex!.id, userId: userIds.get("owner@globex.test")!, role: "owner" });
    const [journey] = await tx.insert(journeys).values({ teamId: globex!.id, name: "Globex buyer" }).returning({ id: journeys.id });
    await tx.insert(stages).values(journeyTemplate("funnel").stages.map((s, position) => ({ teamId: globex!.id, journeyId: journey!.id, name: s.name, position, emotion: s.emotion })));
    await tx.insert(scorecards).values({ teamId: globex!.id, name: "Globex scorecard", journeyId: journey!.id });
  }, db);
  return { teamName: DEMO_TEAM.name, teamSlug: DEMO_TEAM.slug };
}
