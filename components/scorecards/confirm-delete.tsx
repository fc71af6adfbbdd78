"use client";
// The confirmation every delete goes through: the question, the consequence, and an ActionForm
// (fetched on the trigger's hover, focus or press) whose hidden fields name the row and version.
import { Suspense, useState, type ReactNode } from "react";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { FormSkeleton } from "@/components/ui/skeleton";
import { announceMovedToBin } from "@/components/recycle-bin/bin-notice";
import type { FormAction } from "./action-form";
import { LazyActionForm as ActionForm } from "./lazy-action-form";

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
  choice,
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
  /** Inputs the person must answer before deleting (e.g. what becomes of a scorecard's children). */
  choice?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild preload={ActionForm.preload}>
        {trigger}
      </AlertDialogTrigger>
      <AlertDialogContent title={title} description={description}>
        <Suspense fallback={<FormSkeleton fields={0} />}>
          <ActionForm
            action={action}
            team={team}
            version={version}
            submitLabel={label}
            pendingLabel="Deleting…"
            submitVariant="destructive"
            onSuccess={(result) => {
              setOpen(false);
              announceMovedToBin(team, result.data);
              onDeleted?.();
            }}
            secondary={<AlertDialogCancel>Cancel</AlertDialogCancel>}
          >
            {() => (
              <>
                {Object.entries(fields).map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                {choice}
              </>
            )}
          </ActionForm>
        </Suspense>
      </AlertDialogContent>
    </AlertDialog>
  );
}
