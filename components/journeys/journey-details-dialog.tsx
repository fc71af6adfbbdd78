"use client";
// Edit a journey's name, persona, goal and description (conditional on the version shown). The
// form (journey-details-form.tsx) loads on the trigger's hover, focus or press.
import { Pencil } from "lucide-react";
import { Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { lazyWithPreload } from "@/components/ui/lazy-overlay";
import { FormSkeleton } from "@/components/ui/skeleton";
import type { JourneyFieldValues } from "./journey-fields";

const JourneyDetailsForm = lazyWithPreload(() => import("./journey-details-form"));

export function JourneyDetailsDialog({ team, journey }: { team: string; journey: JourneyFieldValues & { id: string; version: number } }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild preload={JourneyDetailsForm.preload}>
        <Button variant="outline">
          <Pencil aria-hidden="true" />
          Edit details
        </Button>
      </DialogTrigger>
      <DialogContent title="Journey details" description="Who this journey is about and what they want.">
        <Suspense fallback={<FormSkeleton fields={4} />}>
          <JourneyDetailsForm team={team} journey={journey} onClose={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
