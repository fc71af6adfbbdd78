"use client";
// Restores an archived journey from its own page.
import { ArchiveRestore } from "lucide-react";
import { useState, useTransition } from "react";
import { restoreJourney } from "@/app/t/[team]/journeys/actions";
import { Button } from "@/components/ui/button";

export function RestoreJourneyButton({ team, journeyId, version }: { team: string; journeyId: string; version: number }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await restoreJourney({ team, journeyId, version });
            setError(result.ok ? null : result.message);
          })
        }
      >
        <ArchiveRestore aria-hidden="true" />
        {pending ? "Restoring…" : "Restore journey"}
      </Button>
      {error ? <span className="text-sm">{error}</span> : null}
    </span>
  );
}
