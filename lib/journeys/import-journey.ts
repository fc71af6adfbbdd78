// Import of a journey document into the acting team: new rows, all in the caller's transaction.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { insertJourneyTree } from "@/db/queries/journeys";
import { listMembers } from "@/db/queries/memberships";
import type { JourneyDocument } from "@/lib/validation/journeys";
import type { Actor } from "./changes";

/** Creates the journey of `document` in the actor's team, in the caller's transaction (all or nothing). */
export async function importJourneyDocument(tx: Tx, ctx: Actor, document: JourneyDocument) {
  const members = await listMembers(tx, ctx);
  const memberByEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.userId]));
  const { stages, ...journey } = document.journey;
  const result = await insertJourneyTree(tx, ctx, {
    journey,
    stages: stages.map(({ touchpoints, ...stage }) => ({
      ...stage,
      touchpoints: touchpoints.map(({ owner, ...t }) => ({ ...t, ownerId: (owner && memberByEmail.get(owner.email.toLowerCase())) ?? null })),
    })),
  });
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "journey", entityId: result.journey.id, action: "create", after: { name: result.journey.name, imported: true, stages: result.stageCount, cards: result.cardCount } },
    { version: result.journey.version },
  );
  return result;
}
