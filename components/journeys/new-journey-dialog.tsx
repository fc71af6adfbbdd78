"use client";
// Create a journey from a template (six-stage lifecycle, five-stage funnel, or blank), then open it.
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createJourney } from "@/app/t/[team]/journeys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { fieldError } from "@/lib/actions/result";
import { DEFAULT_JOURNEY_TEMPLATE_KEY, JOURNEY_TEMPLATES } from "@/lib/journey-templates";
import { JourneyFields } from "./journey-fields";
import { useActionForm } from "./use-action-form";

export function NewJourneyDialog({ team }: { team: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { state, pending, onSubmit, reset } = useActionForm(createJourney, (result) => {
    if (result.data) router.push(`/t/${team}/journeys/${result.data.id}`);
  });
  const templateError = fieldError(state, "template");

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" />
          New journey
        </Button>
      </DialogTrigger>
      <DialogContent title="New journey" description="Start from a template: every stage stays editable." maxWidth="xl">
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {state && !state.ok && !state.fieldErrors ? <Alert variant="error">{state.message}</Alert> : null}
          <input type="hidden" name="team" value={team} />
          <JourneyFields idPrefix="new-journey" error={(f) => fieldError(state, f)} />
          <fieldset className="flex flex-col gap-2" aria-describedby={templateError ? "new-journey-template-error" : undefined}>
            <legend className="mb-2 text-sm font-medium">Template</legend>
            {JOURNEY_TEMPLATES.map((t) => (
              <label key={t.key} className="flex cursor-pointer items-start gap-3 rounded-md border p-3 has-checked:border-primary has-checked:bg-secondary">
                <input type="radio" name="template" value={t.key} defaultChecked={t.key === DEFAULT_JOURNEY_TEMPLATE_KEY} className="mt-1 size-4 accent-primary" />
                <span className="flex flex-col">
                  <span className="font-medium">
                    {t.name}
                    {t.stages.length ? ` (${t.stages.length} stages)` : ""}
                  </span>
                  <span className="text-sm text-muted-foreground">{t.stages.length ? t.stages.map((s) => s.name).join(" → ") : t.description}</span>
                </span>
              </label>
            ))}
            {templateError ? (
              <p id="new-journey-template-error" className="text-sm font-medium text-destructive">
                {templateError}
              </p>
            ) : null}
          </fieldset>
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create journey"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
