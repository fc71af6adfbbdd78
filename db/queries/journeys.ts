// Journeys: the list, one journey's canvas (in a fixed number of queries whatever its size),
// conditional updates and deletes, and the bulk insert behind duplicate and import.
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { journeys, scorecards, stageNotes, stages, touchpoints, users, type Journey } from "../schema";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { listMembers } from "./memberships";
import { loadJourneyAlignment } from "./scorecard-tree";
import { findInTeam, getInTeamOrThrow, updateVersioned } from "./versioned";

type Ctx = { teamId: string };

/** Active (or archived) journeys of the team, with their stage counts, in one query. */
export async function listJourneys(tx: Tx, ctx: Ctx, filter: { archived: boolean }) {
  const stageCounts = tx
    .select({ journeyId: stages.journeyId, n: sql<number>`count(*)::int`.as("n") })
    .from(stages)
    .where(eq(stages.teamId, ctx.teamId))
    .groupBy(stages.journeyId)
    .as("stage_counts");
  return tx
    .select({
      id: journeys.id,
      name: journeys.name,
      personaName: journeys.personaName,
      goal: journeys.goal,
      version: journeys.version,
      archivedAt: journeys.archivedAt,
      updatedAt: journeys.updatedAt,
      stageCount: sql<number>`coalesce(${stageCounts.n}, 0)`.mapWith(Number),
    })
    .from(journeys)
    .leftJoin(stageCounts, eq(stageCounts.journeyId, journeys.id))
    .where(and(eq(journeys.teamId, ctx.teamId), filter.archived ? isNotNull(journeys.archivedAt) : isNull(journeys.archivedAt)))
    .orderBy(asc(journeys.name), asc(journeys.createdAt));
}
export type JourneyListItem = Awaited<ReturnType<typeof listJourneys>>[number];

export function findJourney(tx: Tx, ctx: Ctx, id: string): Promise<Journey | undefined> {
  return findInTeam(tx, journeys, ctx, id);
}

export function getJourneyOrThrow(tx: Tx, ctx: Ctx, id: string): Promise<Journey> {
  return getInTeamOrThrow(tx, journeys, ctx, id, "This journey");
}

export function updateJourney(tx: Tx, ctx: Ctx, id: string, expectedVersion: number, values: Partial<typeof journeys.$inferInsert>) {
  return updateVersioned(tx, journeys, ctx, id, expectedVersion, values, "This journey");
}

/**
 * Deletes a journey the person saw at `expectedVersion`. Stages, cards and objective links
 * go with it (foreign keys cascade); scorecards that pointed at it are detached first
 * (their foreign key does not cascade, on purpose: a scorecard must never vanish with a map).
 */
export async function deleteJourneyRow(tx: Tx, ctx: Ctx, id: string, expectedVersion: number) {
  const current = await getJourneyOrThrow(tx, ctx, id);
  if (current.version !== expectedVersion) {
    throw new AppError("conflict", "This journey was changed by someone else since you opened it.", { current });
  }
  const detached = await tx
    .update(scorecards)
    .set({ journeyId: null, version: sql`${scorecards.version} + 1`, updatedAt: clock.now() })
    .where(and(eq(scorecards.teamId, ctx.teamId), eq(scorecards.journeyId, id)))
    .returning({ id: scorecards.id, name: scorecards.name, version: scorecards.version });
  const [deleted] = await tx
    .delete(journeys)
    .where(and(eq(journeys.teamId, ctx.teamId), eq(journeys.id, id), eq(journeys.version, expectedVersion)))
    .returning();
  if (!deleted) throw new AppError("conflict", "This journey was changed by someone else since you opened it.", { current });
  return { journey: deleted, detachedScorecards: detached };
}

/**
 * Everything the canvas shows: the journey tree, the objectives and KPIs aligned with its
 * stages and the team's members (touchpoint owners), in at most nine queries whatever the
 * number of stages and cards.
 */
export async function loadJourneyCanvas(tx: Tx, ctx: Ctx, journeyId: string, asOf: string) {
  const tree = await loadJourneyTree(tx, ctx, journeyId);
  if (!tree) return undefined;
  const alignment = await loadJourneyAlignment(tx, ctx, journeyId, asOf);
  const members = await listMembers(tx, ctx);
  return { ...tree, alignment, members };
}
export type JourneyCanvasData = NonNullable<Awaited<ReturnType<typeof loadJourneyCanvas>>>;

/** A whole journey to insert at once (duplicate, import): stages in order, each with its cards in order. */
export interface JourneyTree {
  journey: Pick<typeof journeys.$inferInsert, "name" | "personaName" | "personaDescription" | "goal" | "description">;
  stages: Array<
    Pick<typeof stages.$inferInsert, "name" | "customerGoal" | "doing" | "thinking" | "feeling" | "emotion"> & {
      touchpoints: Array<Pick<typeof touchpoints.$inferInsert, "channel" | "channelDetail" | "description" | "ownerId">>;
      painPoints: string[];
      opportunities: string[];
    }
  >;
}

// Keeps each INSERT well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 500;
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Inserts a journey with its stages and cards in the caller's transaction (all or nothing). */
export async function insertJourneyTree(tx: Tx, ctx: Ctx, tree: JourneyTree) {
  const [journey] = await tx.insert(journeys).values({ ...tree.journey, teamId: ctx.teamId }).returning();
  // Ids are made here so cards can point at their stage without relying on RETURNING order.
  const stageIds = tree.stages.map(() => crypto.randomUUID());
  const teamId = ctx.teamId;
  await insertChunked(
    tree.stages.map((s, position) => ({
      id: stageIds[position]!,
      teamId,
      journeyId: journey!.id,
      position,
      name: s.name,
      customerGoal: s.customerGoal,
      doing: s.doing,
      thinking: s.thinking,
      feeling: s.feeling,
      emotion: s.emotion,
    })),
    (chunk) => tx.insert(stages).values(chunk),
  );
  const touchpointRows = tree.stages.flatMap((stage, s) => stage.touchpoints.map((t, position) => ({ ...t, teamId, stageId: stageIds[s]!, position })));
  await insertChunked(touchpointRows, (chunk) => tx.insert(touchpoints).values(chunk));
  const noteRows = tree.stages.flatMap((stage, s) => [
    ...stage.painPoints.map((text, position) => ({ teamId, stageId: stageIds[s]!, kind: "pain_point" as const, text, position })),
    ...stage.opportunities.map((text, position) => ({ teamId, stageId: stageIds[s]!, kind: "opportunity" as const, text, position })),
  ]);
  await insertChunked(noteRows, (chunk) => tx.insert(stageNotes).values(chunk));
  return {
    journey: journey!,
    stages: tree.stages.map((s, i) => ({ id: stageIds[i]!, name: s.name })),
    stageCount: stageIds.length,
    cardCount: touchpointRows.length + noteRows.length,
  };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** One journey with its stages and their cards, in order, in four queries (canvas, duplicate, export). */
export async function loadJourneyTree(tx: Tx, ctx: Ctx, journeyId: string) {
  const journey = await findJourney(tx, ctx, journeyId);
  if (!journey) return undefined;
  const inJourney = and(eq(stages.teamId, ctx.teamId), eq(stages.journeyId, journeyId));
  const stageRows = await tx.select().from(stages).where(inJourney).orderBy(asc(stages.position), asc(stages.createdAt));
  const touchpointRows = await tx
    .select({
      id: touchpoints.id,
      stageId: touchpoints.stageId,
      channel: touchpoints.channel,
      channelDetail: touchpoints.channelDetail,
      description: touchpoints.description,
      ownerId: touchpoints.ownerId,
      ownerName: users.name,
      ownerEmail: users.email,
      position: touchpoints.position,
      version: touchpoints.version,
    })
    .from(touchpoints)
    .innerJoin(stages, and(eq(stages.teamId, touchpoints.teamId), eq(stages.id, touchpoints.stageId)))
    .leftJoin(users, eq(users.id, touchpoints.ownerId))
    .where(and(eq(touchpoints.teamId, ctx.teamId), inJourney))
    .orderBy(asc(touchpoints.position), asc(touchpoints.createdAt));
  const noteRows = await tx
    .select({ id: stageNotes.id, stageId: stageNotes.stageId, kind: stageNotes.kind, text: stageNotes.text, position: stageNotes.position, version: stageNotes.version })
    .from(stageNotes)
    .innerJoin(stages, and(eq(stages.teamId, stageNotes.teamId), eq(stages.id, stageNotes.stageId)))
    .where(and(eq(stageNotes.teamId, ctx.teamId), inJourney))
    .orderBy(asc(stageNotes.position), asc(stageNotes.createdAt));
  const touchpointsByStage = groupBy(touchpointRows, (t) => t.stageId);
  const notesByStage = groupBy(noteRows, (n) => `${n.stageId}:${n.kind}`);
  return {
    journey,
    stages: stageRows.map((stage) => ({
      ...stage,
      touchpoints: touchpointsByStage.get(stage.id) ?? [],
      painPoints: notesByStage.get(`${stage.id}:pain_point`) ?? [],
      opportunities: notesByStage.get(`${stage.id}:opportunity`) ?? [],
    })),
  };
}
export type LoadedJourneyTree = NonNullable<Awaited<ReturnType<typeof loadJourneyTree>>>;
export type TreeStage = LoadedJourneyTree["stages"][number];
export type TreeTouchpoint = TreeStage["touchpoints"][number];
export type TreeNote = TreeStage["painPoints"][number];
