"use client";
// "New scorecard": the page renders the trigger button on the server (no Button code ships for
// it); the fields (scorecard-fields.tsx) load on the trigger's hover, focus or press.
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { lazyWithPreload } from "@/components/ui/lazy-overlay";
import type { FormAction } from "./action-form";
import { FormDialog } from "./form-dialog";
import type { JourneyOption, ParentOption } from "./scorecard-fields";

const ScorecardFields = lazyWithPreload(() => import("./scorecard-fields"));

/** The new scorecard's id from a create action's answer. */
export const newId = (data: unknown) => (data && typeof data === "object" && "id" in data ? String(data.id) : null);

export function CreateScorecardDialog({
  action, team, journeys, parents = [], limitNote, trigger,
}: {
  action: FormAction;
  team: string;
  journeys: JourneyOption[];
  /** Scorecards the new one may hang under. */
  parents?: ParentOption[];
  limitNote?: string;
  /** The "New scorecard" button. */
  trigger: ReactNode;
}) {
  const router = useRouter();
  return (
    <FormDialog
      action={action}
      team={team}
      title="New scorecard"
      description={limitNote ?? "Starts with the four Balanced Scorecard perspectives, equally weighted."}
      submitLabel="Create scorecard"
      pendingLabel="Creating…"
      onSuccess={(result) => {
        const id = newId(result.data);
        if (id) router.push(`/t/${team}/scorecards/${id}`);
      }}
      preload={ScorecardFields.preload}
      trigger={trigger}
    >
      {(state) => <ScorecardFields state={state} journeys={journeys} parents={parents} />}
    </FormDialog>
  );
}
