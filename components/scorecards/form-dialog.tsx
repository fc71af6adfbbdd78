"use client";
// A dialog around an ActionForm (closes when the action succeeds); the confirmation every
// delete goes through is in confirm-delete.tsx. Only the trigger is in the page's first load:
// the form (form-dialog-form.tsx, and the caller's fields when it passes them lazily with their
// `preload`) is fetched on the trigger's hover, focus or press, like the dialog itself.
import { Suspense, useState, type ReactNode } from "react";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { lazyWithPreload, preloadAll } from "@/components/ui/lazy-overlay";
import { FormSkeleton } from "@/components/ui/skeleton";
import { useAnnouncePresence } from "@/components/realtime/live-provider";
import type { ActionState } from "@/lib/actions/result";
import type { ActionFormProps } from "./action-form";

const FormDialogForm = lazyWithPreload(() => import("./form-dialog-form"));

export function FormDialog({
  trigger,
  title,
  description,
  wide = false,
  children,
  onSuccess,
  presence,
  preload,
  ...form
}: Omit<ActionFormProps, "children" | "secondary"> & {
  /** While open, tell the others who look at `scope` that this person edits `target` (e.g. "kpi:<id>"). */
  presence?: { scope: string; target: string };
  /** Loads the fields `children` renders, when they come from a lazyWithPreload component. */
  preload?: () => void;
  /** One element (usually a Button); a server component can render it and pass it down. */
  trigger: ReactNode;
  title: string;
  description?: ReactNode;
  wide?: boolean;
  children: (state: ActionState) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild preload={preloadAll(FormDialogForm.preload, preload)}>
        {trigger}
      </DialogTrigger>
      <DialogContent title={title} description={description} maxWidth={wide ? "2xl" : "lg"}>
        {open && presence ? <AnnounceEditing {...presence} /> : null}
        <Suspense fallback={<FormSkeleton />}>
          <FormDialogForm
            {...form}
            onSuccess={(result) => {
              setOpen(false);
              onSuccess?.(result);
            }}
          >
            {children}
          </FormDialogForm>
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}

function AnnounceEditing({ scope, target }: { scope: string; target: string }) {
  useAnnouncePresence(scope, target);
  return null;
}
