"use client";
// A dialog around an ActionForm (closes when the action succeeds), and the confirmation
// dialog every delete goes through.
import { useState, type ReactNode } from "react";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useAnnouncePresence } from "@/components/realtime/live-provider";
import type { ActionState } from "@/lib/actions/result";
import { cn } from "@/lib/cn";
import { ActionForm, type ActionFormProps, type FormAction } from "./action-form";

export function FormDialog({
  trigger,
  title,
  description,
  wide = false,
  children,
  onSuccess,
  presence,
  ...form
}: Omit<ActionFormProps, "children" | "secondary"> & {
  /** While open, tell the others who look at `scope` that this person edits `target` (e.g. "kpi:<id>"). */
  presence?: { scope: string; target: string };
  trigger: ReactNode;
  title: string;
  description?: ReactNode;
  wide?: boolean;
  children: (state: ActionState) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description} className={cn(wide && "max-w-2xl")}>
        {open && presence ? <AnnounceEditing {...presence} /> : null}
        <ActionForm
          {...form}
          onSuccess={(result) => {
            setOpen(false);
            onSuccess?.(result);
          }}
          secondary={
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
          }
        >
          {children}
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}

function AnnounceEditing({ scope, target }: { scope: string; target: string }) {
  useAnnouncePresence(scope, target);
  return null;
}

/** "Delete …?" with the consequence spelled out; the hidden fields name the row and its version. */
export function ConfirmDelete({
  action,
  team,
  fields,
  version,
  title,
  description,
  label = "Delete",
  trigger,
  onDeleted,
}: {
  action: FormAction;
  team: string;
  fields: Record<string, string>;
  version: number;
  title: string;
  description: string;
  label?: string;
  trigger: ReactNode;
  onDeleted?: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent title={title} description={description}>
        <ActionForm
          action={action}
          team={team}
          version={version}
          submitLabel={label}
          pendingLabel="Deleting…"
          submitVariant="destructive"
          onSuccess={() => {
            setOpen(false);
            onDeleted?.();
          }}
          secondary={<AlertDialogCancel>Cancel</AlertDialogCancel>}
        >
          {() =>
            Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
          }
        </ActionForm>
      </AlertDialogContent>
    </AlertDialog>
  );
}
