"use client";
// RemoveLinkButton: removes one cause → effect link from the accessible list of the strategy map.
import { Unlink } from "lucide-react";
import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type FormAction = (state: ActionState<unknown>, form: FormData) => Promise<ActionResult<unknown>>;

export function RemoveLinkButton({ team, scorecardId, linkId, label, action }: { team: string; scorecardId: string; linkId: string; label: string; action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="scorecardId" value={scorecardId} />
      <input type="hidden" name="linkId" value={linkId} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Remove link: ${label}`}>
        <Unlink aria-hidden="true" />
        Remove
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-destructive">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
