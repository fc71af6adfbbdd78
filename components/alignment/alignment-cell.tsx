"use client";
// AlignmentCell: one stage × perspective cell of the alignment matrix — the objectives that
// serve the stage (each removable by editors), an "Assign" menu with the perspective's other
// objectives, and a visible "Gap" when no objective serves the stage.
import { CircleAlert, Plus, X } from "lucide-react";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { StatusBadge, type Status } from "@/components/ui/status-badge";
import type { ActionResult } from "@/lib/actions/result";
import { cn } from "@/lib/cn";

export interface CellObjective {
  id: string;
  title: string;
  version: number;
  status: Status;
}

type AlignAction = (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

export function AlignmentCell({
  team,
  scorecardId,
  stage,
  perspective,
  serving,
  candidates,
  canEdit,
  assign,
  unassign,
}: {
  team: string;
  scorecardId: string;
  stage: { id: string; name: string };
  perspective: string;
  serving: CellObjective[];
  /** Objectives of the perspective that do not serve this stage yet. */
  candidates: CellObjective[];
  canEdit: boolean;
  assign: AlignAction;
  unassign: AlignAction;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const gap = serving.length === 0;

  const change = (action: AlignAction, objective: CellObjective) =>
    startTransition(async () => {
      const result = await action({ team, scorecardId, objectiveId: objective.id, stageId: stage.id, version: objective.version });
      setError(result.ok ? null : result.status === 409 ? `${result.message} The matrix now shows the current state; try again if still needed.` : result.message);
    });

  return (
    <div
      className={cn("flex min-h-20 flex-col gap-2 rounded-md p-2", gap && "border-2 border-dashed border-status-amber-border bg-status-amber-bg/60", pending && "opacity-60")}
      aria-busy={pending || undefined}
      data-gap={gap || undefined}
    >
      {gap ? (
        <p className="flex items-center gap-1.5 text-sm font-medium text-status-amber">
          <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
          <span>
            Gap<span className="sr-only">: no {perspective} objective serves {stage.name}</span>
          </span>
        </p>
      ) : (
        <ul className="flex flex-col gap-1.5">
          {serving.map((o) => (
            <li key={o.id} className="flex items-start justify-between gap-1 rounded border bg-background px-2 py-1.5">
              <span className="flex flex-col gap-1">
                <span className="text-sm leading-snug">{o.title}</span>
                <StatusBadge status={o.status} size="sm" />
              </span>
              {canEdit ? (
                <Button
                  variant="ghost"
                  size="icon-sm"
                  aria-label={`Stop “${o.title}” serving ${stage.name}`}
                  disabled={pending}
                  onClick={() => change(unassign, o)}
                >
                  <X aria-hidden="true" />
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit && candidates.length > 0 ? (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" className="w-fit" disabled={pending} aria-label={`Assign a ${perspective} objective to ${stage.name}`}>
              <Plus aria-hidden="true" />
              Assign
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            <DropdownMenuLabel>Serves {stage.name}</DropdownMenuLabel>
            {candidates.map((o) => (
              <DropdownMenuItem key={o.id} onSelect={() => change(assign, o)}>
                {o.title}
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
