// Journey-level writes: details, archive and restore, duplicate, delete. Each runs in the
// caller's team transaction, is conditional on the version the person saw, and is logged.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { deleteJourneyRow, getJourneyOrThrow, insertJourneyTree, loadJourneyTree, updateJourney } from "@/db/queries/journeys";
import type { Journey } from "@/db/schema";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { listScorecardIdsTiedTo } from "@/db/queries/recycle-bin";
import { DELETE_REASON, moveToRecycleBin } from "@/lib/recycle-bin/recycle-bin";
import { NAME_MAX } from "@/lib/validation/journeys";
import { fieldChanges, type Actor } from "./changes";

const DETAIL_FIELDS = ["name", "personaName", "personaDescription", "goal", "description"] as const;

/** Archived journeys are read-only until restored. */
export function assertEditable(journey: Journey): void {
  if (journey.archivedAt) {
    throw new AppError("conflict", "This journey is archived: restore it to edit it.", { current: journey });
  }
}

export async function updateJourneyDetails(
  tx: Tx,
  ctx: Actor,
  input: { journeyId: string; version: number } & Record<(typeof DETAIL_FIELDS)[number], string>,
) {
  const before = await getJourneyOrThrow(tx, ctx, input.journeyId);
  assertEditable(before);
  const { journeyId, version, ...values } = input;
  const updated = await updateJourney(tx, ctx, journeyId, version, values);
  await recordChange(tx, ctx, fieldChanges(ctx, "journey", journeyId, before, updated, DETAIL_FIELDS), { version: updated.version, parentId: journeyId });
  return updated;
}

export async function setJourneyArchived(tx: Tx, ctx: Actor, input: { journeyId: string; version: number }, archived: boolean) {
  const before = await getJourneyOrThrow(tx, ctx, input.journeyId);
  const updated = await updateJourney(tx, ctx, input.journeyId, input.version, { archivedAt: archived ? clock.now() : null });
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "journey", entityId: updated.id, action: archived ? "archive" : "restore", field: "archivedAt", before: before.archivedAt, after: updated.archivedAt },
    { version: updated.version, parentId: updated.id },
  );
  return updated;
}

/** "Weekend hiker" → "Weekend hiker (copy)", kept within the name limit. */
export function copyName(name: string): string {
  const suffix = " (copy)";
  return name.length + suffix.length <= NAME_MAX ? `${name}${suffix}` : `${name.slice(0, NAME_MAX - suffix.length).trimEnd()}${suffix}`;
}

/** A copy of the journey with its stages and cards (not its objective links: those belong to scorecards). */
export async function duplicateJourney(tx: Tx, ctx: Actor, input: { journeyId: string; name?: string }) {
  const source = await loadJourneyTree(tx, ctx, input.journeyId);
  if (!source) throw new AppError("not_found", "This journey was not found.");
  const { journey, stageCount, cardCount } = await insertJourneyTree(tx, ctx, {
    journey: {
      name: input.name ?? copyName(source.journey.name),
      personaName: source.journey.personaName,
      personaDescription: source.journey.personaDescription,
      goal: source.journey.goal,
      description: source.journey.description,
    },
    stages: source.stages.map((s) => ({
      name: s.name,
      customerGoal: s.customerGoal,
      doing: s.doing,
      thinking: s.thinking,
      feeling: s.feeling,
      emotion: s.emotion,
      touchpoints: s.touchpoints.map((t) => ({ channel: t.channel, channelDetail: t.channelDetail, description: t.description, ownerId: t.ownerId })),
      painPoints: s.painPoints.map((n) => n.text),
      opportunities: s.opportunities.map((n) => n.text),
    })),
  });
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "journey", entityId: journey.id, action: "create", after: { name: journey.name, duplicateOf: source.journey.id, stages: stageCount, cards: cardCount } },
    { version: journey.version },
  );
  return journey;
}

/** Moves the journey to the recycle bin after the person typed its name (an admin-only action). */
export async function deleteJourney(tx: Tx, ctx: Actor, input: { journeyId: string; version: number; confirmation: string }) {
  const journey = await getJourneyOrThrow(tx, ctx, input.journeyId);
  if (input.confirmation !== journey.name.trim()) {
    throw new AppError("validation", "Type the journey's name to confirm.", {
      fieldErrors: { confirmation: [`Type "${journey.name.trim()}" exactly to delete this journey`] },
    });
  }
  const bin = await moveToRecycleBin(tx, ctx, {
    kind: "journey",
    id: input.journeyId,
    version: input.version,
    detached: { scorecardIds: await listScorecardIdsTiedTo(tx, ctx, input.journeyId) },
  });
  // Missing or stale: the conditional delete below says which.
  const { journey: deleted, detachedScorecards } = await deleteJourneyRow(tx, ctx, input.journeyId, bin ? input.version : -1);
  await recordChange(tx, ctx, [
    { actorId: ctx.userId, entityType: "journey", entityId: deleted.id, action: "delete", before: { name: deleted.name }, after: { recycleBinId: bin!.id }, reason: DELETE_REASON },
    ...detachedScorecards.map((s) => ({
      actorId: ctx.userId,
      entityType: "scorecard" as const,
      entityId: s.id,
      action: "update" as const,
      field: "journeyId",
      before: deleted.id,
      after: null,
      reason: `Journey "${deleted.name}" was deleted`,
    })),
  ]);
  return { id: deleted.id, name: deleted.name, detachedScorecards: detachedScorecards.length, recycleBinId: bin!.id };
}
