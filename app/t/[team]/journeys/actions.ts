"use server";
// Server actions of the journeys list and the journey canvas: journeys (create, edit,
// duplicate, archive, restore, delete, import), stages (add, edit, move, remove) and cards.
import { revalidatePath } from "next/cache";
import type { TeamSession } from "@/lib/auth/team-context";
import { teamAction } from "@/lib/actions/team-action";
import { createJourneyFromTemplate } from "@/lib/journeys/create-journey";
import { addNote, addTouchpoint, moveCard, removeNote, removeTouchpoint, updateNote, updateTouchpoint } from "@/lib/journeys/edit-cards";
import { deleteJourney as deleteJourneyRow, duplicateJourney as duplicateJourneyRow, setJourneyArchived, updateJourneyDetails } from "@/lib/journeys/edit-journey";
import { addStage as addStageRow, moveStage as moveStageRow, removeStage as removeStageRow, updateStage as updateStageRow } from "@/lib/journeys/edit-stages";
import { importJourneyDocument } from "@/lib/journeys/import-journey";
import { parseJourneyDocument } from "@/lib/journeys/journey-document";
import { validationError } from "@/lib/errors";
import {
  addNoteSchema, addStageSchema, addTouchpointSchema, createJourneySchema, deleteJourneySchema, duplicateJourneySchema, importJourneySchema,
  journeyRefSchema, moveCardSchema, moveStageSchema, removeNoteSchema, removeStageSchema, removeTouchpointSchema, updateJourneySchema,
  updateNoteSchema, updateStageSchema, updateTouchpointSchema,
} from "@/lib/validation/journeys";

// The list and every canvas live under this path; one revalidation refreshes whichever is open.
const refresh = (_: unknown, { ctx }: TeamSession) => revalidatePath(`/t/${ctx.teamSlug}/journeys`, "layout");
const write = "journeys.write" as const;

// Journeys

export const createJourney = teamAction("journeys.create", {
  permission: write,
  schema: createJourneySchema,
  async handler(input, { tx, ctx }) {
    const { journey, stages } = await createJourneyFromTemplate(tx, ctx, input);
    return { id: journey.id, name: journey.name, stageCount: stages.length };
  },
  after: refresh,
});

export const updateJourney = teamAction("journeys.update", {
  permission: write,
  schema: updateJourneySchema,
  async handler(input, { tx, ctx }) {
    const journey = await updateJourneyDetails(tx, ctx, input);
    return { id: journey.id, version: journey.version };
  },
  after: refresh,
});

export const duplicateJourney = teamAction("journeys.duplicate", {
  permission: write,
  schema: duplicateJourneySchema,
  async handler(input, { tx, ctx }) {
    const journey = await duplicateJourneyRow(tx, ctx, input);
    return { id: journey.id, name: journey.name };
  },
  after: refresh,
});

export const archiveJourney = teamAction("journeys.archive", {
  permission: write,
  schema: journeyRefSchema,
  async handler(input, { tx, ctx }) {
    const journey = await setJourneyArchived(tx, ctx, input, true);
    return { id: journey.id, version: journey.version };
  },
  after: refresh,
});

export const restoreJourney = teamAction("journeys.restore", {
  permission: write,
  schema: journeyRefSchema,
  async handler(input, { tx, ctx }) {
    const journey = await setJourneyArchived(tx, ctx, input, false);
    return { id: journey.id, version: journey.version };
  },
  after: refresh,
});

export const deleteJourney = teamAction("journeys.delete", {
  permission: "journeys.delete",
  schema: deleteJourneySchema,
  handler: (input, { tx, ctx }) => deleteJourneyRow(tx, ctx, input),
  after: refresh,
});

export const importJourney = teamAction("journeys.import", {
  permission: write,
  schema: importJourneySchema,
  async handler(input, { tx, ctx }) {
    const parsed = parseJourneyDocument(input.document);
    if (!parsed.ok) throw validationError(parsed.fieldErrors, parsed.message);
    const { journey, stageCount, cardCount } = await importJourneyDocument(tx, ctx, parsed.document);
    return { id: journey.id, name: journey.name, stageCount, cardCount };
  },
  after: refresh,
});

// Stages

export const addStage = teamAction("journeys.add_stage", {
  permission: write,
  schema: addStageSchema,
  async handler(input, { tx, ctx }) {
    const stage = await addStageRow(tx, ctx, input);
    return { id: stage.id, position: stage.position, version: stage.version };
  },
  after: refresh,
});

export const updateStage = teamAction("journeys.update_stage", {
  permission: write,
  schema: updateStageSchema,
  async handler(input, { tx, ctx }) {
    const stage = await updateStageRow(tx, ctx, input);
    return { id: stage.id, version: stage.version, emotion: stage.emotion };
  },
  after: refresh,
});

export const moveStage = teamAction("journeys.move_stage", {
  permission: write,
  schema: moveStageSchema,
  async handler(input, { tx, ctx }) {
    const { stage, order } = await moveStageRow(tx, ctx, input);
    return { id: stage.id, version: stage.version, order };
  },
  after: refresh,
});

export const removeStage = teamAction("journeys.remove_stage", {
  permission: write,
  schema: removeStageSchema,
  async handler(input, { tx, ctx }) {
    const stage = await removeStageRow(tx, ctx, input);
    return { id: stage.id };
  },
  after: refresh,
});

// Cards

export const addTouchpointAction = teamAction("journeys.add_touchpoint", {
  permission: write,
  schema: addTouchpointSchema,
  async handler(input, { tx, ctx }) {
    const touchpoint = await addTouchpoint(tx, ctx, input);
    return { id: touchpoint.id, version: touchpoint.version };
  },
  after: refresh,
});

export const updateTouchpointAction = teamAction("journeys.update_touchpoint", {
  permission: write,
  schema: updateTouchpointSchema,
  async handler(input, { tx, ctx }) {
    const touchpoint = await updateTouchpoint(tx, ctx, input);
    return { id: touchpoint.id, version: touchpoint.version };
  },
  after: refresh,
});

export const removeTouchpointAction = teamAction("journeys.remove_touchpoint", {
  permission: write,
  schema: removeTouchpointSchema,
  async handler(input, { tx, ctx }) {
    const touchpoint = await removeTouchpoint(tx, ctx, input);
    return { id: touchpoint.id };
  },
  after: refresh,
});

export const addNoteAction = teamAction("journeys.add_note", {
  permission: write,
  schema: addNoteSchema,
  async handler(input, { tx, ctx }) {
    const note = await addNote(tx, ctx, input);
    return { id: note.id, version: note.version };
  },
  after: refresh,
});

export const updateNoteAction = teamAction("journeys.update_note", {
  permission: write,
  schema: updateNoteSchema,
  async handler(input, { tx, ctx }) {
    const note = await updateNote(tx, ctx, input);
    return { id: note.id, version: note.version };
  },
  after: refresh,
});

export const removeNoteAction = teamAction("journeys.remove_note", {
  permission: write,
  schema: removeNoteSchema,
  async handler(input, { tx, ctx }) {
    const note = await removeNote(tx, ctx, input);
    return { id: note.id };
  },
  after: refresh,
});

export const moveCardAction = teamAction("journeys.move_card", {
  permission: write,
  schema: moveCardSchema,
  async handler(input, { tx, ctx }) {
    const card = await moveCard(tx, ctx, input);
    return { id: card.id, version: card.version, stageId: card.stageId, position: card.position };
  },
  after: refresh,
});
