"use client";
// The fields of the create and settings dialogs (create-scorecard-dialog.tsx,
// scorecard-settings-dialog.tsx), loaded when one opens.
import type { ActionState } from "@/lib/actions/result";
import { SelectField, TextareaField, TextField } from "./fields";

export type JourneyOption = { id: string; name: string };
/** A scorecard it may hang under, with its depth in the tree (shown indented). */
export type ParentOption = { id: string; name: string; depth: number };

const journeyOptions = (journeys: readonly JourneyOption[]) => [{ value: "", label: "No journey" }, ...journeys.map((j) => ({ value: j.id, label: j.name }))];
export const parentSelectOptions = (parents: readonly ParentOption[]) => [
  { value: "", label: "None (at the top of the organisation)" },
  // Non-breaking spaces: a <select> shows no padding per option, and plain spaces collapse.
  ...parents.map((p) => ({ value: p.id, label: `${"\u00a0\u00a0".repeat(p.depth)}${p.name}` })),
];

export default function ScorecardFields({
  state,
  journeys,
  parents = [],
  scorecard,
}: {
  state: ActionState;
  journeys: readonly JourneyOption[];
  /** Where it may hang in the organisation tree (for an existing one, not inside itself). */
  parents?: readonly ParentOption[];
  /** Absent: a new scorecard. */
  scorecard?: { id: string; name: string; description: string; journeyId: string | null; parentId?: string | null };
}) {
  const parentDescription = "The organisation unit above this one (company → division → department).";
  if (!scorecard) {
    return (
      <>
        <TextField id="scorecard-name" name="name" label="Name" state={state} required />
        <SelectField id="scorecard-parent" name="parentId" label="Parent scorecard" description={parentDescription} state={state} defaultValue="" options={parentSelectOptions(parents)} />
        <SelectField
          id="scorecard-journey"
          name="journeyId"
          label="Journey"
          description="Objectives can then say which stages of this journey they serve."
          state={state}
          defaultValue=""
          options={journeyOptions(journeys)}
        />
        <TextareaField id="scorecard-description" name="description" label="Description" state={state} />
      </>
    );
  }
  return (
    <>
      <input type="hidden" name="scorecardId" value={scorecard.id} />
      <TextField id="scorecard-edit-name" name="name" label="Name" state={state} required defaultValue={scorecard.name} />
      <SelectField
        id="scorecard-edit-parent"
        name="parentId"
        label="Parent scorecard"
        description={`${parentDescription} Contributions to objectives that are no longer above it are removed.`}
        state={state}
        defaultValue={scorecard.parentId ?? ""}
        options={parentSelectOptions(parents)}
      />
      <SelectField id="scorecard-edit-journey" name="journeyId" label="Journey" state={state} defaultValue={scorecard.journeyId ?? ""} options={journeyOptions(journeys)} />
      <TextareaField id="scorecard-edit-description" name="description" label="Description" state={state} defaultValue={scorecard.description} />
    </>
  );
}
