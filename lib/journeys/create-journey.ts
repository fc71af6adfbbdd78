import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { journeys, stages } from "@/db/schema";
import { journeyTemplate, type JourneyTemplateKey } from "@/lib/journey-templates";

export interface NewJourney {
  name: string;
  personaName?: string;
  personaDescription?: string;
  goal?: string;
  description?: string;
  template: JourneyTemplateKey;
}

/** Creates a journey with the template's stages, in the caller's transaction. */
export async function createJourneyFromTemplate(tx: Tx, ctx: { teamId: string; userId: string | null }, input: NewJourney) {
  const [journey] = await tx
    .insert(journeys)
    .values({
      teamId: ctx.teamId,
      name: input.name,
      personaName: input.personaName ?? "",
      personaDescription: input.personaDescription ?? "",
      goal: input.goal ?? "",
      description: input.description ?? "",
    })
    .returning();
  const template = journeyTemplate(input.template);
  const stageRows = template.stages.length
    ? await tx
        .insert(stages)
        .values(
          template.stages.map((s, position) => ({
            teamId: ctx.teamId,
            journeyId: journey!.id,
            name: s.name,
            position,
            customerGoal: s.customerGoal,
            doing: s.doing,
            thinking: s.thinking,
            feeling: s.feeling,
            emotion: s.emotion,
          })),
        )
        .returning()
    : [];
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "journey", entityId: journey!.id, action: "create", after: { name: input.name, template: input.template, stages: stageRows.length } },
    { version: journey!.version },
  );
  return { journey: journey!, stages: stageRows };
}
