// The starter kit: in one transaction, a journey from a template and a scorecard tied to it,
// with two objectives per perspective, KPIs from the library, and each objective serving
// the journey stages its KPIs measure. A new team sees a complete picture in one click.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { insertKpis } from "@/db/queries/kpis";
import { insertObjective, insertObjectiveStages } from "@/db/queries/objectives";
import type { ActivityEntry } from "@/db/queries/activity";
import type { Team } from "@/db/schema";
import type { TeamContext } from "@/db/tenant";
import { journeyTemplate } from "@/lib/journey-templates";
import { createJourneyFromTemplate } from "@/lib/journeys/create-journey";
import { findKpiTemplate, type KpiTemplate, type PerspectiveKind } from "@/lib/kpi-library";
import { assertScorecardSlot } from "./guards";
import { kpiValuesFromTemplate } from "./library";
import { createScorecard } from "./manage-scorecards";

export type StarterTemplate = "lifecycle" | "funnel";

export const STARTER_OBJECTIVES: Readonly<Record<PerspectiveKind, ReadonlyArray<{ title: string; description: string; kpis: readonly string[] }>>> = {
  financial: [
    { title: "Grow revenue from every customer", description: "More value per customer, over a longer relationship.", kpis: ["arpu", "customer-lifetime-value"] },
    { title: "Acquire customers profitably", description: "Growth that pays back its acquisition cost quickly.", kpis: ["revenue-growth", "cac-payback"] },
  ],
  customer: [
    { title: "Win and activate the right customers", description: "Turn interest into customers who reach value fast.", kpis: ["trial-to-paid", "activation-rate"] },
    { title: "Keep customers happy and loyal", description: "Customers who stay and recommend us.", kpis: ["nps", "churn-rate"] },
  ],
  internal: [
    { title: "Resolve issues quickly", description: "Fast, first-time answers when something goes wrong.", kpis: ["first-response-time", "average-resolution-time"] },
    { title: "Deliver reliably", description: "What we promise arrives on time and works.", kpis: ["on-time-delivery", "defect-rate"] },
  ],
  learning: [
    { title: "Build customer expertise", description: "People and knowledge that help customers succeed.", kpis: ["training-hours", "knowledge-base-coverage"] },
    { title: "Learn from customers continuously", description: "An engaged team that tests ideas with customers.", kpis: ["customer-experiments", "employee-nps"] },
  ],
};

function starterTemplates(keys: readonly string[]): KpiTemplate[] {
  return keys.map((key) => {
    const template = findKpiTemplate(key);
    // The keys above are constants checked by a unit test; a miss is a programming error.
    if (!template) throw new Error(`Starter kit names an unknown KPI template "${key}"`);
    return template;
  });
}

export async function buildStarterKit(
  tx: Tx,
  ctx: Pick<TeamContext, "teamId" | "teamSlug" | "userId">,
  team: Pick<Team, "plan" | "subscriptionStatus">,
  input: { template: StarterTemplate },
) {
  // Refuse before creating anything, so a refused kit leaves no journey behind either.
  await assertScorecardSlot(tx, ctx, team);
  const template = journeyTemplate(input.template);
  const { journey, stages } = await createJourneyFromTemplate(tx, ctx, {
    name: template.name,
    personaName: "Typical customer",
    description: "Created by the starter kit: rename the persona and the stages to fit your business.",
    template: input.template,
  });
  const stageByName = new Map(stages.map((s) => [s.name.toLowerCase(), s.id]));
  const { scorecard, perspectives } = await createScorecard(tx, ctx, team, {
    name: `${template.name} scorecard`,
    description: "A starting point from the KPI library: adjust objectives, targets and owners to your strategy.",
    journeyId: journey.id,
  });

  const entries: ActivityEntry[] = [];
  const links: Array<{ objectiveId: string; stageId: string }> = [];
  let objectiveCount = 0;
  let kpiCount = 0;
  for (const perspective of perspectives) {
    for (const [position, plan] of STARTER_OBJECTIVES[perspective.kind].entries()) {
      const templates = starterTemplates(plan.kpis);
      const objective = await insertObjective(tx, ctx, {
        scorecardId: scorecard.id,
        perspectiveId: perspective.id,
        title: plan.title,
        description: plan.description,
        ownerId: ctx.userId,
        weight: 1,
        position,
      });
      const served = [...new Set(templates.flatMap((t) => t.stages.map((name) => stageByName.get(name.toLowerCase()))))].filter(
        (id): id is string => id !== undefined,
      );
      links.push(...served.map((stageId) => ({ objectiveId: objective.id, stageId })));
      const created = await insertKpis(tx, ctx, objective.id, templates.map((t) => ({ ...kpiValuesFromTemplate(t), ownerId: ctx.userId })));
      entries.push({ actorId: ctx.userId, entityType: "objective", entityId: objective.id, action: "create", after: { title: objective.title, stageIds: served, starterKit: true } });
      for (const [i, kpi] of created.entries()) {
        entries.push({ actorId: ctx.userId, entityType: "kpi", entityId: kpi.id, action: "create", after: { name: kpi.name, target: kpi.target, redThreshold: kpi.redThreshold, targetMax: kpi.targetMax, template: templates[i]!.key } });
      }
      objectiveCount++;
      kpiCount += created.length;
    }
  }
  await insertObjectiveStages(tx, ctx, links);
  await recordChange(tx, ctx, entries, { parentId: scorecard.id });
  return { journey, scorecard, objectives: objectiveCount, kpis: kpiCount, stageLinks: links.length };
}
