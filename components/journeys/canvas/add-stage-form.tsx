"use client";
// Adds a stage at the end or before any existing stage: the button, and the form (canvas-forms.tsx)
// once it is opened.
import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LazyForm, NewStageForm } from "./lazy-forms";

export function AddStageForm({ startOpen = false }: { startOpen?: boolean }) {
  const [open, setOpen] = useState(startOpen);
  if (!open) {
    return (
      <Button variant="outline" onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" />
        Add stage
      </Button>
    );
  }
  return (
    <LazyForm>
      <NewStageForm startOpen={startOpen} onClose={() => setOpen(false)} />
    </LazyForm>
  );
}
