"use client";
// The journey details dialog's form (journey-details-dialog.tsx), loaded on its trigger's intent.
// It lives inside the dialog's content, so closing the dialog clears what it showed.
import { useRouter } from "next/navigation";
import { updateJourney } from "@/app/t/[team]/journeys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { fieldError } from "@/lib/actions/result";
import { JourneyFields, type JourneyFieldValues } from "./journey-fields";
import { useActionForm } from "./use-action-form";

export default function JourneyDetailsForm({ team, journey, onClose }: { team: string; journey: JourneyFieldValues & { id: string; version: number }; onClose: () => void }) {
  const router = useRouter();
  const { state, pending, onSubmit, reset } = useActionForm(updateJourney, onClose);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {state && !state.ok ? (
        <Alert variant="error">
          <span>{state.message} </span>
          {state.status === 409 ? (
            <span className="flex flex-wrap gap-3">
              <Button
                variant="link"
                size="inline"
                onClick={() => {
                  reset();
                  onClose();
                  router.refresh();
                }}
              >
                Take theirs
              </Button>
              <Button
                variant="link"
                size="inline"
                onClick={() => {
                  // The hidden version field takes the new version; the text typed here stays, ready to save over theirs.
                  reset();
                  router.refresh();
                }}
              >
                Keep mine (then save again)
              </Button>
            </span>
          ) : null}
        </Alert>
      ) : null}
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="journeyId" value={journey.id} />
      <input type="hidden" name="version" value={journey.version} />
      <JourneyFields idPrefix="journey-details" values={journey} error={(f) => fieldError(state, f)} />
      <DialogFooter>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </Button>
      </DialogFooter>
    </form>
  );
}
