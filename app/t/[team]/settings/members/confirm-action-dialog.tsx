"use client";
// A button that asks before it acts (remove a member, transfer ownership, leave the team) and shows the refusal in the dialog.
import { LoaderCircle } from "lucide-react";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogFooter, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

export interface ConfirmActionDialogProps {
  action: (state: ActionState, formData: FormData) => Promise<ActionResult>;
  /** Hidden fields sent with the action (always `team`, often `membershipId`). */
  fields: Record<string, string>;
  triggerLabel: string;
  /** A fuller name for the trigger when its visible label needs the row for context ("Remove Eli Novak"). */
  triggerAriaLabel?: string;
  triggerVariant?: "outline" | "ghost";
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  destructive?: boolean;
}

export function ConfirmActionDialog({
  action,
  fields,
  triggerLabel,
  triggerAriaLabel,
  triggerVariant = "ghost",
  title,
  description,
  confirmLabel,
  pendingLabel,
  destructive = false,
}: ConfirmActionDialogProps) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) setOpen(false);
    return result;
  }, null);

  return (
    <AlertDialog open={open} onOpenChange={(next) => (pending ? undefined : setOpen(next))}>
      <AlertDialogTrigger asChild>
        <Button variant={triggerVariant} size="sm" aria-label={triggerAriaLabel} className={destructive && triggerVariant === "ghost" ? "text-destructive" : undefined}>
          {triggerLabel}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent title={title} description={description}>
        {/* A plain submit button, not AlertDialogAction: the dialog must stay mounted until the action answers. */}
        <form action={formAction} className="flex flex-col gap-4">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
            <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending}>
              {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
