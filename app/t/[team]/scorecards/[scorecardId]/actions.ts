"use server";
// Server actions of the scorecard editor: perspectives, objectives, KPIs (by hand, from the
// library, target changes with a reason) and initiatives.
import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/actions/team-action";
import { changeContribution } from "@/lib/scorecards/contributions";
import { createInitiative, deleteInitiative, updateInitiative } from "@/lib/scorecards/manage-initiatives";
import { addKpisFromLibrary, changeKpiTarget, createKpi, deleteKpi, updateKpi } from "@/lib/scorecards/manage-kpis";
import { createObjective, deleteObjective, updateObjective } from "@/lib/scorecards/manage-objectives";
import { movePerspective, updatePerspective } from "@/lib/scorecards/manage-scorecards";
import {
  contributionSchema, initiativeCreateSchema, initiativeRefSchema, initiativeUpdateSchema, kpiCreateSchema, kpiLibrarySchema, kpiRefSchema, kpiTargetSchema,
  kpiUpdateSchema, objectiveCreateSchema, objectiveRefSchema, objectiveUpdateSchema, perspectiveMoveSchema, perspectiveUpdateSchema,
} from "@/lib/validation/scorecards";

const refresh = (_: unknown, { ctx }: { ctx: { teamSlug: string } }) => revalidatePath(`/t/${ctx.teamSlug}/scorecards`, "layout");
const ref = (row: { id: string; version?: number }) => ({ id: row.id, version: row.version });
// A delete answers with the recycle-bin entry, so the page can link to it.
const binned = (row: { id: string; recycleBinId: string }) => ({ id: row.id, recycleBinId: row.recycleBinId });

export const updatePerspectiveAction = teamAction("perspectives.update", {
  permission: "scorecards.write",
  schema: perspectiveUpdateSchema,
  handler: async (input, { tx, ctx }) => ref(await updatePerspective(tx, ctx, input)),
  after: refresh,
});

export const movePerspectiveAction = teamAction("perspectives.move", {
  permission: "scorecards.write",
  schema: perspectiveMoveSchema,
  handler: async (input, { tx, ctx }) => ref(await movePerspective(tx, ctx, input)),
  after: refresh,
});

export const createObjectiveAction = teamAction("objectives.create", {
  permission: "scorecards.write",
  schema: objectiveCreateSchema,
  handler: async (input, { tx, ctx }) => ref(await createObjective(tx, ctx, input)),
  after: refresh,
});

export const updateObjectiveAction = teamAction("objectives.update", {
  permission: "scorecards.write",
  schema: objectiveUpdateSchema,
  handler: async (input, { tx, ctx }) => ref(await updateObjective(tx, ctx, input)),
  after: refresh,
});

export const deleteObjectiveAction = teamAction("objectives.delete", {
  permission: "scorecards.write",
  schema: objectiveRefSchema,
  handler: async (input, { tx, ctx }) => binned(await deleteObjective(tx, ctx, input)),
  after: refresh,
});

export const createKpiAction = teamAction("kpis.create", {
  permission: "scorecards.write",
  schema: kpiCreateSchema,
  handler: async (input, { tx, ctx }) => ref(await createKpi(tx, ctx, input)),
  after: refresh,
});

export const addKpisFromLibraryAction = teamAction("kpis.add_from_library", {
  permission: "scorecards.write",
  schema: kpiLibrarySchema,
  handler: async (input, { tx, ctx }) => ({ ids: (await addKpisFromLibrary(tx, ctx, input)).map((k) => k.id) }),
  after: refresh,
});

export const updateKpiAction = teamAction("kpis.update", {
  permission: "scorecards.write",
  schema: kpiUpdateSchema,
  handler: async (input, { tx, ctx }) => ref(await updateKpi(tx, ctx, input)),
  after: refresh,
});

export const changeKpiTargetAction = teamAction("kpis.change_target", {
  permission: "scorecards.write",
  schema: kpiTargetSchema,
  handler: async (input, { tx, ctx }) => ref(await changeKpiTarget(tx, ctx, input)),
  after: refresh,
});

export const deleteKpiAction = teamAction("kpis.delete", {
  permission: "scorecards.write",
  schema: kpiRefSchema,
  handler: async (input, { tx, ctx }) => binned(await deleteKpi(tx, ctx, input)),
  after: refresh,
});

export const createInitiativeAction = teamAction("initiatives.create", {
  permission: "scorecards.write",
  schema: initiativeCreateSchema,
  handler: async (input, { tx, ctx }) => ref(await createInitiative(tx, ctx, input)),
  after: refresh,
});

export const updateInitiativeAction = teamAction("initiatives.update", {
  permission: "scorecards.write",
  schema: initiativeUpdateSchema,
  handler: async (input, { tx, ctx }) => ref(await updateInitiative(tx, ctx, input)),
  after: refresh,
});

export const deleteInitiativeAction = teamAction("initiatives.delete", {
  permission: "scorecards.write",
  schema: initiativeRefSchema,
  handler: async (input, { tx, ctx }) => binned(await deleteInitiative(tx, ctx, input)),
  after: refresh,
});

// Cascade: this objective contributes to an objective of a scorecard above (or no longer does).
export const addContributionAction = teamAction("objectives.contribution_add", {
  permission: "scorecards.write",
  schema: contributionSchema,
  handler: async (input, { tx, ctx }) => ref(await changeContribution(tx, ctx, input, "add")),
  after: refresh,
});

export const removeContributionAction = teamAction("objectives.contribution_remove", {
  permission: "scorecards.write",
  schema: contributionSchema,
  handler: async (input, { tx, ctx }) => ref(await changeContribution(tx, ctx, input, "remove")),
  after: refresh,
});
