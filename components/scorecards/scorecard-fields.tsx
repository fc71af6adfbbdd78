"use client";
// The fields of the create and settings dialogs (create-scorecard-dialog.tsx,
// scorecard-settings-dialog.tsx), loaded when one opens.
import type { ActionState } from "@/lib/actions/result";
import { SelectField, TextareaField, TextField } from "./fields";

export type JourneyOption = { id: string; name: string };

const journeyOptions = (journeys: readonly JourneyOption[]) => [{ value: "", label: "No journey" }, ...journeys.map((j) => ({ value: j.id, label: j.name }))];

export default function ScorecardFields({
  state,
  journeys,
  scorecard,
}: {
  state: ActionState;
  journeys: readonly JourneyOption[];
  /** Absent: a new scorecard. */
  scorecard?: { id: string; name: string; description: string; journeyId: string | null };
}) {
  if (!scorecard) {
    return (
      <>
        <TextField id="scorecard-name" name="name" label="Name" state={state} required />
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
      <SelectField id="scorecard-edit-journey" name="journeyId" label="Journey" state={state} defaultValue={scorecard.journeyId ?? ""} options={journeyOptions(journeys)} />
      <TextareaField id="scorecard-edit-description" name="description" label="Description" state={state} defaultValue={scorecard.description} />
    </>
  );
}
