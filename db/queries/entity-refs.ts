// What an activity row, a notification or a comment points at: a human label and the page
// that shows it, for many entities at once (one query per entity type present, never per row).
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../client";
import {
  comments, initiatives, journeys, kpis, measurements, memberships, objectives, perspectives, scorecards, stages, touchpoints, users, type entityTypeEnum,
} from "../schema";

type Ctx = { teamId: string };
export type EntityType = (typeof entityTypeEnum.enumValues)[number];
export interface EntityRef {
  entityType: EntityType;
  entityId: string;
}
export interface EntityInfo {
  label: string;
  /** Path inside the team, e.g. "/scorecards/<id>/kpis/<id>" (prefix with /t/<slug>); null when there is no page. */
  path: string | null;
  /** For a comment: what it is a comment on. */
  parent?: EntityRef;
}

export const refKey = (ref: EntityRef) => `${ref.entityType}:${ref.entityId}`;

const scorecardPath = (scorecardId: string, anchor?: string) => `/scorecards/${scorecardId}${anchor ? `#${anchor}` : ""}`;

/** Labels and paths of the entities that still exist; missing ones are simply absent from the map. */
export async function describeEntities(tx: Tx, ctx: Ctx, refs: readonly EntityRef[]): Promise<Map<string, EntityInfo>> {
  const out = new Map<string, EntityInfo>();
  const byType = new Map<EntityType, Set<string>>();
  for (const ref of refs) {
    if (!byType.has(ref.entityType)) byType.set(ref.entityType, new Set());
    byType.get(ref.entityType)!.add(ref.entityId);
  }
  const ids = (type: EntityType) => [...(byType.get(type) ?? [])];
  const put = (type: EntityType, id: string, info: EntityInfo) => out.set(`${type}:${id}`, info);

  // Comments first: their parents join the lookups below.
  if (ids("comment").length) {
    const rows = await tx
      .select({ id: comments.id, entityType: comments.entityType, entityId: comments.entityId })
      .from(comments)
      .where(and(eq(comments.teamId, ctx.teamId), inArray(comments.id, ids("comment"))));
    for (const row of rows) {
      put("comment", row.id, { label: "a comment", path: null, parent: { entityType: row.entityType, entityId: row.entityId } });
      if (!byType.has(row.entityType)) byType.set(row.entityType, new Set());
      byType.get(row.entityType)!.add(row.entityId);
    }
  }

  const lookups: Array<() => Promise<void>> = [];
  const run = (type: EntityType, fn: (list: string[]) => Promise<void>) => {
    const list = ids(type);
    if (list.length) lookups.push(() => fn(list));
  };

  run("objective", async (list) => {
    const rows = await tx
      .select({ id: objectives.id, title: objectives.title, scorecardId: objectives.scorecardId })
      .from(objectives)
      .where(and(eq(objectives.teamId, ctx.teamId), inArray(objectives.id, list)));
    for (const r of rows) put("objective", r.id, { label: r.title, path: scorecardPath(r.scorecardId, `objective-${r.id}`) });
  });
  run("kpi", async (list) => {
    const rows = await tx
      .select({ id: kpis.id, name: kpis.name, scorecardId: objectives.scorecardId })
      .from(kpis)
      .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
      .where(and(eq(kpis.teamId, ctx.teamId), inArray(kpis.id, list)));
    for (const r of rows) put("kpi", r.id, { label: r.name, path: `/scorecards/${r.scorecardId}/kpis/${r.id}` });
  });
  run("initiative", async (list) => {
    const rows = await tx
      .select({ id: initiatives.id, title: initiatives.title, objectiveId: initiatives.objectiveId, scorecardId: objectives.scorecardId })
      .from(initiatives)
      .innerJoin(objectives, and(eq(objectives.teamId, initiatives.teamId), eq(objectives.id, initiatives.objectiveId)))
      .where(and(eq(initiatives.teamId, ctx.teamId), inArray(initiatives.id, list)));
    for (const r of rows) put("initiative", r.id, { label: r.title, path: scorecardPath(r.scorecardId, `objective-${r.objectiveId}`) });
  });
  run("stage", async (list) => {
    const rows = await tx
      .select({ id: stages.id, name: stages.name, journeyId: stages.journeyId })
      .from(stages)
      .where(and(eq(stages.teamId, ctx.teamId), inArray(stages.id, list)));
    for (const r of rows) put("stage", r.id, { label: r.name, path: `/journeys/${r.journeyId}` });
  });
  run("touchpoint", async (list) => {
    const rows = await tx
      .select({ id: touchpoints.id, description: touchpoints.description, journeyId: stages.journeyId })
      .from(touchpoints)
      .innerJoin(stages, and(eq(stages.teamId, touchpoints.teamId), eq(stages.id, touchpoints.stageId)))
      .where(and(eq(touchpoints.teamId, ctx.teamId), inArray(touchpoints.id, list)));
    for (const r of rows) put("touchpoint", r.id, { label: r.description, path: `/journeys/${r.journeyId}` });
  });
  run("journey", async (list) => {
    const rows = await tx
      .select({ id: journeys.id, name: journeys.name })
      .from(journeys)
      .where(and(eq(journeys.teamId, ctx.teamId), inArray(journeys.id, list)));
    for (const r of rows) put("journey", r.id, { label: r.name, path: `/journeys/${r.id}` });
  });
  run("scorecard", async (list) => {
    const rows = await tx
      .select({ id: scorecards.id, name: scorecards.name })
      .from(scorecards)
      .where(and(eq(scorecards.teamId, ctx.teamId), inArray(scorecards.id, list)));
    for (const r of rows) put("scorecard", r.id, { label: r.name, path: scorecardPath(r.id) });
  });
  run("perspective", async (list) => {
    const rows = await tx
      .select({ id: perspectives.id, name: perspectives.name, scorecardId: perspectives.scorecardId })
      .from(perspectives)
      .where(and(eq(perspectives.teamId, ctx.teamId), inArray(perspectives.id, list)));
    for (const r of rows) put("perspective", r.id, { label: r.name, path: scorecardPath(r.scorecardId, `perspective-${r.id}`) });
  });
  run("measurement", async (list) => {
    const rows = await tx
      .select({ id: measurements.id, period: measurements.period, kpiId: kpis.id, kpiName: kpis.name, scorecardId: objectives.scorecardId })
      .from(measurements)
      .innerJoin(kpis, and(eq(kpis.teamId, measurements.teamId), eq(kpis.id, measurements.kpiId)))
      .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
      .where(and(eq(measurements.teamId, ctx.teamId), inArray(measurements.id, list)));
    for (const r of rows) put("measurement", r.id, { label: `${r.kpiName}, ${r.period}`, path: `/scorecards/${r.scorecardId}/kpis/${r.kpiId}` });
  });
  run("membership", async (list) => {
    const rows = await tx
      .select({ id: memberships.id, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.teamId, ctx.teamId), inArray(memberships.id, list)));
    for (const r of rows) put("membership", r.id, { label: r.name ?? r.email.split("@")[0]!, path: "/settings/members" });
  });
  for (const lookup of lookups) await lookup();

  for (const [key, info] of out) {
    if (!info.parent) continue;
    const parent = out.get(refKey(info.parent));
    out.set(key, { ...info, label: parent ? parent.label : info.label, path: parent?.path ?? null });
  }
  return out;
}
