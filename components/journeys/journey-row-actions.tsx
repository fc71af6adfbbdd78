"use client";
// A journey's actions in the list: open, duplicate, archive or restore, export, and delete
// (admins, after typing the journey's name).
import { announceMovedToBin } from "@/components/recycle-bin/bin-notice";
import { Archive, ArchiveRestore, Copy, Download, FolderOpen, MoreHorizontal, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { archiveJourney, deleteJourney, duplicateJourney, restoreJourney } from "@/app/t/[team]/journeys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { useActionForm } from "./use-action-form";

export interface RowJourney {
  id: string;
  name: string;
  version: number;
  archived: boolean;
}

export function JourneyRowActions({ team, journey, canWrite, canDelete }: { team: string; journey: RowJourney; canWrite: boolean; canDelete: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const href = `/t/${team}/journeys/${journey.id}`;

  const act = (action: (input: Record<string, unknown>) => Promise<{ ok: boolean; message?: string; data?: unknown }>, input: Record<string, unknown>, then?: (data: unknown) => void) =>
    startTransition(async () => {
      const result = await action({ team, ...input });
      if (result.ok) {
        setMessage(null);
        then?.(result.data);
      } else setMessage(result.message ?? "Not saved.");
    });

  return (
    <div className="flex items-center justify-end gap-2">
      {message ? (
        <span role="alert" className="text-sm text-destructive">
          {message}
        </span>
      ) : null}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Actions for ${journey.name}`} disabled={pending}>
            <MoreHorizontal aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem asChild>
            <Link href={href}>
              <FolderOpen aria-hidden="true" />
              Open
            </Link>
          </DropdownMenuItem>
          {canWrite ? (
            <DropdownMenuItem onSelect={() => act(duplicateJourney, { journeyId: journey.id }, (data) => router.push(`/t/${team}/journeys/${(data as { id: string }).id}`))}>
              <Copy aria-hidden="true" />
              Duplicate
            </DropdownMenuItem>
          ) : null}
          {canWrite ? (
            journey.archived ? (
              <DropdownMenuItem onSelect={() => act(restoreJourney, { journeyId: journey.id, version: journey.version })}>
                <ArchiveRestore aria-hidden="true" />
                Restore
              </DropdownMenuItem>
            ) : (
              <DropdownMenuItem onSelect={() => act(archiveJourney, { journeyId: journey.id, version: journey.version })}>
                <Archive aria-hidden="true" />
                Archive
              </DropdownMenuItem>
            )
          ) : null}
          <DropdownMenuItem asChild>
            <a href={`${href}/export`} download>
              <Download aria-hidden="true" />
              Export JSON
            </a>
          </DropdownMenuItem>
          {canDelete ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem destructive onSelect={() => setDeleting(true)}>
                <Trash2 aria-hidden="true" />
                Delete…
              </DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {canDelete ? <DeleteJourneyDialog team={team} journey={journey} open={deleting} onOpenChange={setDeleting} /> : null}
    </div>
  );
}

function DeleteJourneyDialog({ team, journey, open, onOpenChange }: { team: string; journey: RowJourney; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [typed, setTyped] = useState("");
  const { state, pending, onSubmit, reset } = useActionForm(deleteJourney, (result) => {
    onOpenChange(false);
    announceMovedToBin(team, result.data);
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) {
          reset();
          setTyped("");
        }
      }}
    >
      <DialogContent
        title={`Delete "${journey.name}"?`}
        description="It moves to the recycle bin with its stages, touchpoints, pain points and opportunities, and objectives stop serving its stages until it is restored (within 30 days). Archive it instead to keep it in use."
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {state && !state.ok && !state.fieldErrors ? <Alert variant="error">{state.message}</Alert> : null}
          <input type="hidden" name="team" value={team} />
          <input type="hidden" name="journeyId" value={journey.id} />
          <input type="hidden" name="version" value={journey.version} />
          <FormField id={`delete-${journey.id}`} label={`Type "${journey.name}" to confirm`} required error={fieldError(state, "confirmation")}>
            <Input name="confirmation" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </FormField>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)}>
              Keep it
            </Button>
            <Button type="submit" variant="destructive" disabled={pending || typed.trim() !== journey.name.trim()}>
              {pending ? "Deleting…" : "Delete journey"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
