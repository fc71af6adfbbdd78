// The benchmark's synthetic dataset: many teams, one big team, weekly measurements, all from
// a fixed seed so every run (and every machine) gets the same rows. Written straight through
// the seeding connection (the PostgreSQL superuser, or PGlite's), which row-level security
// does not apply to, in batches of 1,000 rows.
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  initiatives, journeys, kpiAggregateInputs, kpis, measurements, memberships, objectiveLinks, objectiveStages, objectives, perspectives, scorecards,
  shareLinks, stageNotes, stages, teams, touchpoints, users,
} from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { clock } from "@/lib/clock";
import { journeyTemplate } from "@/lib/journey-templates";
import { KPI_LIBRARY, type KpiTemplate, type PerspectiveKind } from "@/lib/kpi-library";
import { currentPeriod, periodsBetween, previousPeriod, type TeamCalendar } from "@/lib/periods";

export const BENCH_SIZES = ["tiny", "small", "large"] as const;
export type BenchSize = (typeof BENCH_SIZES)[number];
export const BENCH_PASSWORD = "cairn-bench-2026";
const BATCH = 1000;
const IN_FLIGHT = 4;

interface CardShape {
  objectivesPerPerspective: number;
  kpisPerObjective: number;
  weeks: number;
}

export interface DatasetSpec {
  seed: number;
  /** All teams, the big one included. */
  teams: number;
  big: CardShape & { scorecards: number; journeys: number; stagesPerJourney: number; members: number };
  /** A small scorecard and journey inside the big team: "size A" of the query-count comparison. */
  probe: CardShape & { stages: number };
  /** Every other team: one journey, one scorecard. */
  other: CardShape & { stages: number; members: number };
}

export const SIZES: Record<BenchSize, DatasetSpec> = {
  large: {
    seed: 20261123,
    teams: 50,
    big: { scorecards: 20, objectivesPerPerspective: 8, kpisPerObjective: 4, weeks: 156, journeys: 6, stagesPerJourney: 8, members: 40 },
    probe: { objectivesPerPerspective: 1, kpisPerObjective: 2, weeks: 156, stages: 3 },
    other: { objectivesPerPerspective: 2, kpisPerObjective: 2, weeks: 52, stages: 5, members: 3 },
  },
  small: {
    seed: 20261123,
    teams: 5,
    big: { scorecards: 2, objectivesPerPerspective: 8, kpisPerObjective: 4, weeks: 156, journeys: 2, stagesPerJourney: 8, members: 10 },
    probe: { objectivesPerPerspective: 1, kpisPerObjective: 2, weeks: 156, stages: 3 },
    other: { objectivesPerPerspective: 2, kpisPerObjective: 2, weeks: 52, stages: 5, members: 3 },
  },
  tiny: {
    seed: 20261123,
    teams: 2,
    // Four scorecards: a company, two divisions and a department, so the smoke test sees three levels.
    big: { scorecards: 4, objectivesPerPerspective: 2, kpisPerObjective: 2, weeks: 8, journeys: 1, stagesPerJourney: 4, members: 3 },
    probe: { objectivesPerPerspective: 1, kpisPerObjective: 2, weeks: 8, stages: 2 },
    other: { objectivesPerPerspective: 1, kpisPerObjective: 1, weeks: 4, stages: 3, members: 2 },
  },
};

export const PERSPECTIVES: ReadonlyArray<{ kind: PerspectiveKind; name: string; weight: number }> = [
  { kind: "financial", name: "Financial", weight: 1.5 },
  { kind: "customer", name: "Customer", weight: 1.5 },
  { kind: "internal", name: "Internal Processes", weight: 1 },
  { kind: "learning", name: "Learning & Growth", weight: 1 },
];

export const COUNTED_TABLES = {
  teams, users, memberships, journeys, stages, touchpoints, stageNotes, scorecards, perspectives, objectives, objectiveStages,
  objectiveLinks, kpis, initiatives, measurements, shareLinks,
} as const;
export type CountedTable = keyof typeof COUNTED_TABLES;
export type RowCounts = Record<CountedTable, number>;

/** What the benchmark needs to address the big team's pages after seeding. */
export interface Dataset {
  size: BenchSize | "custom";
  calendar: TeamCalendar;
  team: { id: string; slug: string; name: string };
  /** Members of the big team, owner first. */
  members: Array<{ userId: string; email: string; role: "owner" | "admin" | "editor" | "viewer" }>;
  /** The first big scorecard ("size B") and the probe scorecard ("size A"), with their KPI counts. */
  /** `perspectiveId`: the first perspective, whose KPI cards the dashboard fetches first. */
  /** `kpiId`: the first KPI of the big scorecard (its KPI page). */
  scorecards: { big: { id: string; kpis: number; perspectiveId: string; kpiId: string }; probe: { id: string; kpis: number; perspectiveId: string } };
  journeys: { big: { id: string; stages: number }; probe: { id: string; stages: number } };
  /** Every KPI of the big team (for the batch and import payloads) and the weekly periods seeded. */
  kpiIds: string[];
  periods: string[];
  /** Live share links to the big and the probe scorecard's dashboards: "<team id>.<secret>". */
  shareTokens: { big: string; probe: string };
  /**
   * The big team's scorecards as an organisation: the big scorecard is the company root, the next
   * few its divisions, the rest departments under them (the probe stays apart). `department` is a
   * unit at the deepest level, with its KPI count; `aggregates` the aggregate KPIs set (each over
   * the same-unit KPIs of the units just below), `aggregateInputs` their input rows.
   */
  org: { rootId: string; divisionIds: string[]; departmentIds: string[]; department: { id: string; kpis: number }; units: number; aggregates: number; aggregateInputs: number };
  counts: RowCounts;
}

/** The company → divisions → departments shape of the big team's `n` scorecards: each one's parent index (null for the root). */
export function orgParents(n: number): Array<number | null> {
  // Up to four divisions, and at least as many departments as divisions below them when there are few cards.
  const divisions = Math.min(4, Math.ceil((n - 1) / 2));
  return Array.from({ length: n }, (_, i) => (i === 0 ? null : i <= divisions ? 0 : 1 + ((i - divisions - 1) % divisions)));
}

function orgName(i: number, parents: ReadonlyArray<number | null>): string {
  const parent = parents[i];
  if (parent === null || parent === undefined) return "Company";
  if (parent === 0) return `Division ${i}`;
  const divisions = parents.filter((p) => p === 0).length;
  return `Department ${i - divisions} (Division ${parent})`;
}

/** mulberry32: small, fast, and the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededUuid(rand: () => number): string {
  const b = Array.from({ length: 16 }, () => Math.floor(rand() * 256));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function seededSecret(rand: () => number): string {
  return Buffer.from(Array.from({ length: 32 }, () => Math.floor(rand() * 256))).toString("base64url");
}

const cardKpis = (c: CardShape) => PERSPECTIVES.length * c.objectivesPerPerspective * c.kpisPerObjective;
const cardObjectives = (c: CardShape) => PERSPECTIVES.length * c.objectivesPerPerspective;
const cardLinks = (c: CardShape) => (PERSPECTIVES.length - 1) * c.objectivesPerPerspective;
const cardInitiatives = (c: CardShape) => Math.ceil(cardObjectives(c) / 2);

/** The rows a spec produces, table by table: what the smoke test compares the database with. */
export function expectedCounts(spec: DatasetSpec): RowCounts {
  const others = spec.teams - 1;
  const bigCards = Array.from({ length: spec.big.scorecards }, () => spec.big as CardShape).concat([spec.probe]);
  const otherCards = Array.from({ length: others }, () => spec.other as CardShape);
  const cards = [...bigCards, ...otherCards];
  const sum = (f: (c: CardShape) => number, list = cards) => list.reduce((n, c) => n + f(c), 0);
  const stageCount = spec.big.journeys * spec.big.stagesPerJourney + spec.probe.stages + others * spec.other.stages;
  const members = spec.big.members + others * spec.other.members;
  return {
    teams: spec.teams,
    users: members,
    memberships: members,
    journeys: spec.big.journeys + 1 + others,
    stages: stageCount,
    touchpoints: stageCount * 2,
    stageNotes: stageCount * 2,
    scorecards: cards.length,
    perspectives: cards.length * PERSPECTIVES.length,
    objectives: sum(cardObjectives),
    objectiveStages: sum(cardObjectives),
    objectiveLinks: sum(cardLinks),
    kpis: sum(cardKpis),
    initiatives: sum(cardInitiatives),
    measurements: sum((c) => cardKpis(c) * c.weeks),
    shareLinks: 2,
  };
}

/** Current row counts of the dataset's tables (all teams). */
export async function countRows(db: Database): Promise<RowCounts> {
  const entries = await Promise.all(
    Object.entries(COUNTED_TABLES).map(async ([name, table]) => {
      const [row] = await db.select({ n: count() }).from(table);
      return [name, Number(row?.n ?? 0)] as const;
    }),
  );
  return Object.fromEntries(entries) as RowCounts;
}

async function insertBatched<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

const STAGE_NAMES = [...journeyTemplate("lifecycle").stages.map((s) => s.name), "Renewal", "Advocacy", "Expansion", "Win-back"];
const CHANNELS = ["website", "email", "chat", "in_app", "support", "phone"] as const;
const TEMPLATES_BY_KIND = new Map(PERSPECTIVES.map((p) => [p.kind, KPI_LIBRARY.filter((t) => t.perspective === p.kind)]));

/** A path from the baseline towards the target with noise; sometimes falling short, so every colour shows. */
function kpiSeries(t: KpiTemplate, n: number, rand: () => number): number[] {
  const top = t.targetMax ?? t.target;
  const span = t.direction === "range" ? t.redThreshold * 2 : Math.abs(t.target - t.redThreshold) * 1.5 || 1;
  const drift = rand();
  const start = t.direction === "range" ? (t.target + top) / 2 + span : t.baseline;
  const goal = t.direction === "range" ? (t.target + top) / 2 : t.redThreshold + (t.target - t.redThreshold) * (0.4 + drift * 1.2);
  return Array.from({ length: n }, (_, i) => {
    const progress = n === 1 ? 1 : i / (n - 1);
    let value = start + (goal - start) * progress + (rand() - 0.5) * span * 0.3;
    if (t.unit === "percent") value = Math.min(100, Math.max(0, value));
    else if (t.unit !== "currency") value = Math.max(0, value);
    return Math.round(value * 10) / 10;
  });
}

interface TeamPlan {
  slug: string;
  name: string;
  plan: "free" | "business";
  members: number;
  journeys: number[];
  /** Each scorecard with the index of the journey it is tied to, and of its parent (seeded before it). */
  cards: Array<CardShape & { journey: number; name: string; parent?: number | null }>;
}

interface SeededTeam {
  id: string;
  members: Dataset["members"];
  journeyIds: string[];
  scorecardIds: string[];
  /** The first perspective of each scorecard, in scorecardIds' order. */
  firstPerspectiveIds: string[];
  kpiIds: string[];
  periods: string[];
}

async function seedTeam(db: Database, plan: TeamPlan, rand: () => number, passwordHash: string, calendar: TeamCalendar, now: Date): Promise<SeededTeam> {
  const id = () => seededUuid(rand);
  const teamId = id();
  const editors = Math.max(1, Math.ceil(plan.members * 0.4));
  await db.insert(teams).values({
    id: teamId, name: plan.name, slug: plan.slug, timeZone: calendar.timeZone, fiscalYearStartMonth: calendar.fiscalYearStartMonth,
    plan: plan.plan, subscriptionStatus: plan.plan === "free" ? "none" : "active", paidSeats: plan.plan === "free" ? 0 : editors,
  });

  const members: SeededTeam["members"] = Array.from({ length: plan.members }, (_, i) => ({
    userId: id(),
    email: `member${i + 1}@${plan.slug}.bench.test`,
    role: i === 0 ? "owner" : i < 3 ? "admin" : i < editors ? "editor" : "viewer",
  }));
  await db.insert(users).values(members.map((m, i) => ({ id: m.userId, email: m.email, name: `Bench ${plan.slug} ${i + 1}`, passwordHash, emailVerified: now })));
  await db.insert(memberships).values(members.map((m) => ({ teamId, id: id(), userId: m.userId, role: m.role })));
  const ownerOf = (i: number) => members[i % members.length]!.userId;

  const journeyIds: string[] = [];
  const stageIdsByJourney: string[][] = [];
  const stageRows: Array<typeof stages.$inferInsert> = [];
  for (const [j, stageCount] of plan.journeys.entries()) {
    const journeyId = id();
    journeyIds.push(journeyId);
    await db.insert(journeys).values({ teamId, id: journeyId, name: `Journey ${j + 1}`, personaName: `Persona ${j + 1}`, goal: "Get value quickly." });
    const ids = Array.from({ length: stageCount }, (_, position) => {
      const stageId = id();
      stageRows.push({ teamId, id: stageId, journeyId, name: STAGE_NAMES[position % STAGE_NAMES.length]!, position, emotion: Math.floor(rand() * 5) - 2 });
      return stageId;
    });
    stageIdsByJourney.push(ids);
  }
  await insertBatched(stageRows, (c) => db.insert(stages).values(c));
  await insertBatched(
    stageRows.flatMap((s, i) =>
      [0, 1].map((position) => ({ teamId, id: id(), stageId: s.id!, channel: CHANNELS[(i + position) % CHANNELS.length]!, description: `Touchpoint ${position + 1} of ${s.name}`, position, ownerId: ownerOf(i + position) })),
    ),
    (c) => db.insert(touchpoints).values(c),
  );
  await insertBatched(
    stageRows.flatMap((s) => [
      { teamId, id: id(), stageId: s.id!, kind: "pain_point" as const, text: `A pain point in ${s.name}`, position: 0 },
      { teamId, id: id(), stageId: s.id!, kind: "opportunity" as const, text: `An opportunity in ${s.name}`, position: 0 },
    ]),
    (c) => db.insert(stageNotes).values(c),
  );

  const last = previousPeriod(currentPeriod(now, "weekly", calendar), "weekly", calendar);
  const weeksBack = (n: number) => {
    let first = last;
    for (let i = 1; i < n; i++) first = previousPeriod(first, "weekly", calendar);
    return periodsBetween(first, last, "weekly", calendar);
  };
  const maxWeeks = Math.max(...plan.cards.map((c) => c.weeks));
  const allPeriods = weeksBack(maxWeeks);

  const scorecardIds: string[] = [];
  const firstPerspectiveIds: string[] = [];
  const kpiIds: string[] = [];
  // Measurements are most of the rows: keep a few batches in flight over the connection pool.
  let pending: Array<typeof measurements.$inferInsert> = [];
  const inFlight = new Set<Promise<unknown>>();
  const flush = async () => {
    if (pending.length) {
      const p: Promise<unknown> = db.insert(measurements).values(pending).then(() => inFlight.delete(p));
      inFlight.add(p);
      pending = [];
    }
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  };
  for (const card of plan.cards) {
    const scorecardId = id();
    scorecardIds.push(scorecardId);
    const stageIds = stageIdsByJourney[card.journey] ?? [];
    const parentId = card.parent === null || card.parent === undefined ? null : scorecardIds[card.parent]!;
    await db.insert(scorecards).values({ teamId, id: scorecardId, name: card.name, journeyId: journeyIds[card.journey] ?? null, parentId });
    const perspectiveRows = PERSPECTIVES.map((p, position) => ({ teamId, id: id(), scorecardId, kind: p.kind, name: p.name, position, weight: p.weight }));
    await db.insert(perspectives).values(perspectiveRows);
    firstPerspectiveIds.push(perspectiveRows[0]!.id);
    const objectiveRows = perspectiveRows.flatMap((p, pIndex) =>
      Array.from({ length: card.objectivesPerPerspective }, (_, position) => ({
        teamId, id: id(), scorecardId, perspectiveId: p.id, title: `${p.name} objective ${position + 1}`, ownerId: ownerOf(pIndex + position), position,
        weight: 1 + (position % 3) * 0.5,
      })),
    );
    await insertBatched(objectiveRows, (c) => db.insert(objectives).values(c));
    if (stageIds.length) {
      await insertBatched(
        objectiveRows.map((o) => ({ teamId, objectiveId: o.id, stageId: stageIds[Math.floor(rand() * stageIds.length)]! })),
        (c) => db.insert(objectiveStages).values(c),
      );
    }
    // Strategy map: each objective of a lower perspective drives one of the perspective above.
    const perPerspective = card.objectivesPerPerspective;
    await insertBatched(
      objectiveRows.slice(perPerspective).map((cause, i) => ({ teamId, id: id(), scorecardId, causeId: cause.id, effectId: objectiveRows[i]!.id })),
      (c) => db.insert(objectiveLinks).values(c),
    );
    await insertBatched(
      objectiveRows.filter((_, i) => i % 2 === 0).map((o, i) => ({
        teamId, id: id(), objectiveId: o.id, title: `Initiative for ${o.title}`, ownerId: o.ownerId, status: (["planned", "in_progress", "done"] as const)[i % 3]!, progress: (i * 37) % 101,
      })),
      (c) => db.insert(initiatives).values(c),
    );

    const periods = allPeriods.slice(allPeriods.length - card.weeks);
    const kpiRows: Array<{ template: KpiTemplate; row: typeof kpis.$inferInsert & { id: string } }> = [];
    objectiveRows.forEach((o, oIndex) => {
      const kind = PERSPECTIVES[Math.floor(oIndex / perPerspective)]!.kind;
      const pool = TEMPLATES_BY_KIND.get(kind)!;
      for (let position = 0; position < card.kpisPerObjective; position++) {
        const t = pool[Math.floor(rand() * pool.length)]!;
        kpiRows.push({
          template: t,
          row: {
            teamId, id: id(), objectiveId: o.id, name: t.name, description: t.description, unit: t.unit, currency: t.currency ?? null,
            direction: t.direction, baseline: t.baseline, target: t.target, targetMax: t.targetMax, redThreshold: t.redThreshold,
            frequency: "weekly", indicator: t.indicator, ownerId: ownerOf(oIndex + position), position,
          },
        });
      }
    });
    await insertBatched(kpiRows.map((k) => k.row), (c) => db.insert(kpis).values(c));
    for (const { template, row } of kpiRows) {
      kpiIds.push(row.id);
      const values = kpiSeries(template, periods.length, rand);
      for (const [i, period] of periods.entries()) {
        pending.push({ teamId, kpiId: row.id, period, value: values[i]!, enteredBy: row.ownerId });
        if (pending.length >= BATCH) await flush();
      }
    }
  }
  await flush();
  await Promise.all(inFlight);
  return { id: teamId, members, journeyIds, scorecardIds, firstPerspectiveIds, kpiIds, periods: allPeriods };
}

/** Seeds `spec` into an empty, migrated database and says where the big team's pages are. */
export async function generateDataset(db: Database, spec: DatasetSpec, options: { size?: BenchSize; now?: Date; log?: (line: string) => void } = {}): Promise<Dataset> {
  const now = options.now ?? clock.now();
  const rand = seededRandom(spec.seed);
  const calendar: TeamCalendar = { timeZone: "Europe/Berlin", fiscalYearStartMonth: 1 };
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const { big, probe } = spec;
  const parents = orgParents(big.scorecards);

  const bigPlan: TeamPlan = {
    slug: "bench-big",
    name: "Bench Big Co",
    plan: "business",
    members: big.members,
    journeys: [...Array.from({ length: big.journeys }, () => big.stagesPerJourney), probe.stages],
    cards: [
      ...Array.from({ length: big.scorecards }, (_, i) => ({
        ...big,
        journey: i % big.journeys,
        name: `Scorecard ${String(i + 1).padStart(2, "0")} · ${orgName(i, parents)}`,
        parent: parents[i],
      })),
      { ...probe, journey: big.journeys, name: "Probe scorecard" },
    ],
  };
  const bigTeam = await seedTeam(db, bigPlan, rand, passwordHash, calendar, now);
  const org = await seedAggregates(db, bigTeam.id, bigTeam.scorecardIds.slice(0, big.scorecards), parents);
  options.log?.(`big team seeded (${bigTeam.kpiIds.length} KPIs, ${org.aggregates} aggregate KPIs over ${org.aggregateInputs} inputs)`);
  for (let t = 1; t < spec.teams; t++) {
    const slug = `bench-${String(t).padStart(2, "0")}`;
    await seedTeam(
      db,
      { slug, name: `Bench team ${t}`, plan: "free", members: spec.other.members, journeys: [spec.other.stages], cards: [{ ...spec.other, journey: 0, name: `Scorecard of ${slug}` }] },
      rand,
      passwordHash,
      calendar,
      now,
    );
  }

  const bigScorecardId = bigTeam.scorecardIds[0]!;
  const probeScorecardId = bigTeam.scorecardIds.at(-1)!;
  const shareTokens = { big: "", probe: "" };
  for (const [which, scorecardId] of [["big", bigScorecardId], ["probe", probeScorecardId]] as const) {
    const secret = seededSecret(rand);
    await db.insert(shareLinks).values({ teamId: bigTeam.id, id: seededUuid(rand), scorecardId, tokenHash: hashToken(secret), label: `Bench ${which}`, createdBy: bigTeam.members[0]!.userId });
    shareTokens[which] = `${bigTeam.id}.${secret}`;
  }

  const [team] = await db.select({ id: teams.id, slug: teams.slug, name: teams.name }).from(teams).where(eq(teams.id, bigTeam.id));
  return {
    size: options.size ?? "custom",
    calendar,
    team: team!,
    members: bigTeam.members,
    scorecards: {
      // The big scorecard is seeded first, so the team's first KPI is one of its own.
      big: { id: bigScorecardId, kpis: cardKpis(big), perspectiveId: bigTeam.firstPerspectiveIds[0]!, kpiId: bigTeam.kpiIds[0]! },
      probe: { id: probeScorecardId, kpis: cardKpis(probe), perspectiveId: bigTeam.firstPerspectiveIds.at(-1)! },
    },
    journeys: { big: { id: bigTeam.journeyIds[0]!, stages: big.stagesPerJourney }, probe: { id: bigTeam.journeyIds.at(-1)!, stages: probe.stages } },
    kpiIds: bigTeam.kpiIds,
    periods: bigTeam.periods,
    shareTokens,
    org: (() => {
      const cards = bigTeam.scorecardIds.slice(0, big.scorecards);
      const divisionIds = cards.filter((_, i) => parents[i] === 0);
      const departmentIds = cards.filter((_, i) => parents[i] !== null && parents[i] !== 0);
      return {
        rootId: cards[0]!,
        divisionIds,
        departmentIds,
        department: { id: departmentIds[0] ?? divisionIds.at(-1) ?? cards[0]!, kpis: cardKpis(big) },
        units: cards.length,
        ...org,
      };
    })(),
    counts: await countRows(db),
  };
}

/** How many aggregate KPIs each parent gets: a few at the company level, one per division. */
const AGGREGATES_AT_ROOT = 3;
const AGGREGATES_PER_DIVISION = 1;

/**
 * A few aggregate KPIs, written straight as the recompute would leave them: on a parent, a KPI
 * whose aggregation is set to `average` over one KPI of the same unit in each unit just below, and
 * its measurements replaced by the computed values with their coverage (inputs reported / total).
 * Departments first, so a division's aggregate that feeds the company's is computed before it.
 */
async function seedAggregates(db: Database, teamId: string, cards: string[], parents: ReadonlyArray<number | null>): Promise<{ aggregates: number; aggregateInputs: number }> {
  if (cards.length < 2) return { aggregates: 0, aggregateInputs: 0 };
  const rows = await db
    .select({ id: kpis.id, unit: kpis.unit, currency: kpis.currency, scorecardId: objectives.scorecardId })
    .from(kpis)
    .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
    .where(and(eq(kpis.teamId, teamId), inArray(objectives.scorecardId, cards)))
    .orderBy(asc(objectives.scorecardId), asc(objectives.position), asc(objectives.perspectiveId), asc(kpis.position), asc(kpis.id));
  const byCard = new Map<string, typeof rows>();
  for (const r of rows) byCard.set(r.scorecardId, [...(byCard.get(r.scorecardId) ?? []), r]);
  const used = new Set<string>();
  let aggregates = 0;
  let aggregateInputs = 0;
  const parentsBottomUp = [...new Set(parents.filter((p): p is number => p !== null))].sort((a, b) => b - a);
  for (const parentIndex of parentsBottomUp) {
    const childIds = cards.filter((_, i) => parents[i] === parentIndex);
    const wanted = parentIndex === 0 ? AGGREGATES_AT_ROOT : AGGREGATES_PER_DIVISION;
    let made = 0;
    for (const candidate of byCard.get(cards[parentIndex]!) ?? []) {
      if (made >= wanted) break;
      if (used.has(candidate.id)) continue;
      const inputs = childIds.map((child) => (byCard.get(child) ?? []).find((k) => k.unit === candidate.unit && k.currency === candidate.currency && !used.has(k.id)));
      if (inputs.some((k) => !k)) continue;
      const inputIds = inputs.map((k) => k!.id);
      for (const id of [candidate.id, ...inputIds]) used.add(id);
      await db.update(kpis).set({ aggregation: "average" }).where(and(eq(kpis.teamId, teamId), eq(kpis.id, candidate.id)));
      await db.insert(kpiAggregateInputs).values(inputIds.map((inputKpiId) => ({ teamId, kpiId: candidate.id, inputKpiId })));
      await db.delete(measurements).where(and(eq(measurements.teamId, teamId), eq(measurements.kpiId, candidate.id)));
      await db.execute(sql`
        insert into measurements (team_id, id, kpi_id, period, value, inputs_reported, inputs_total)
        select ${teamId}, md5(${candidate.id} || period::text)::uuid, ${candidate.id}, period, round(avg(value)::numeric, 2)::double precision, count(*)::int, ${inputIds.length}::int
        from measurements
        where team_id = ${teamId} and kpi_id in (${sql.join(inputIds.map((id) => sql`${id}::uuid`), sql`, `)})
        group by period`);
      made++;
      aggregates++;
      aggregateInputs += inputIds.length;
    }
  }
  return { aggregates, aggregateInputs };
}
