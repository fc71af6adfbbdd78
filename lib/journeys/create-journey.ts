import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { insertJourneyTree } from "@/db/queries/journeys";
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
  const { journey, stages } = await insertJourneyTree(tx, ctx, {
    journey: {
      name: input.name,
      personaName: input.personaName ?? "",
      personaDescription: input.personaDescription ?? "",
      goal: input.goal ?? "",
      description: input.description ?? "",
    },
    stages: journeyTemplate(input.template).stages.map((s) => ({
      name: s.name,
      customerGoal: s.customerGoal,
      doing: s.doing,
      thinking: s.thinking,
      feeling: s.feeling,
      emotion: s.emotion,
      touchpoints: [],
      painPoints: [],
      opportunities: [],
    })),
  });
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "journey", entityId: journey.id, action: "create", after: { name: input.name, template: input.template, stages: stages.length } },
    { version: journey.version },
  );
  return { journey, stages };
}
