"use client";
// What a FormDialog shows once opened: its ActionForm, with a Cancel that closes the dialog.
// Fetched on the trigger's hover, focus or press (form-dialog.tsx).
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import { ActionForm, type ActionFormProps } from "./action-form";

export default function FormDialogForm(props: Omit<ActionFormProps, "secondary">) {
  return (
    <ActionForm
      {...props}
      secondary={
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
      }
    />
  );
}
