"use client";
// AddLinkForm: "Add cause → effect" with two selects — the keyboard and screen-reader way to
// draw an arrow on the strategy map. The server refuses a cycle with a message naming both.
import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { fieldError, type ActionResult, type ActionState } from "@/lib/actions/result";

export interface LinkOptionGroup {
  perspective: string;
  objectives: Array<{ id: string; title: string }>;
}

type FormAction = (state: ActionState<unknown>, form: FormData) => Promise<ActionResult<unknown>>;

export function AddLinkForm({ team, scorecardId, groups, action }: { team: string; scorecardId: string; groups: LinkOptionGroup[]; action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  const options = (
    <>
      <option value="">Choose an objective</option>
      {groups.map((g) => (
        <optgroup key={g.perspective} label={g.perspective}>
          {g.objectives.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
  return (
    <form action={formAction} className="flex flex-col gap-4" aria-describedby="add-link-help">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="scorecardId" value={scorecardId} />
      <p id="add-link-help" className="text-sm text-muted-foreground">
        A cause drives an effect: usually an objective in a lower perspective drives one above it. Links that would make a loop are refused.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="link-cause" label="Cause" error={fieldError(state, "causeId")}>
          <Select name="causeId" required defaultValue="">
            {options}
          </Select>
        </FormField>
        <FormField id="link-effect" label="Effect" error={fieldError(state, "effectId")}>
          <Select name="effectId" required defaultValue="">
            {options}
          </Select>
        </FormField>
      </div>
      {state && !state.ok && !state.fieldErrors ? <Alert variant="error">{state.message}</Alert> : null}
      {state?.ok ? <Alert variant="success">The link was added.</Alert> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add cause → effect"}
        </Button>
      </div>
    </form>
  );
}
