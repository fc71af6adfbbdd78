"use client";
// Edit a journey's name, persona, goal and description (conditional on the version shown).
import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateJourney } from "@/app/t/[team]/journeys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { fieldError } from "@/lib/actions/result";
import { JourneyFields, type JourneyFieldValues } from "./journey-fields";
import { useActionForm } from "./use-action-form";

export function JourneyDetailsDialog({ team, journey }: { team: string; journey: JourneyFieldValues & { id: string; version: number } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { state, pending, onSubmit, reset } = useActionForm(updateJourney, () => setOpen(false));

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Pencil aria-hidden="true" />
          Edit details
        </Button>
      </DialogTrigger>
      <DialogContent title="Journey details" description="Who this journey is about and what they want.">
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {state && !state.ok ? (
            <Alert variant="error">
              <span>{state.message} </span>
              {state.status === 409 ? (
                <span className="flex flex-wrap gap-3">
                  <Button
                    variant="link"
                    className="h-auto p-0"
                    onClick={() => {
                      reset();
                      setOpen(false);
                      router.refresh();
                    }}
                  >
                    Take theirs
                  </Button>
                  <Button
                    variant="link"
                    className="h-auto p-0"
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
      </DialogContent>
    </Dialog>
  );
}
