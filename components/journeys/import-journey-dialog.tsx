"use client";
// Import a journey exported from Cairn (this team or another): pick the .json file or paste
// it. The whole document is checked first; a bad field is named and nothing is saved.
import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { importJourney } from "@/app/t/[team]/journeys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm } from "./use-action-form";

const MAX_BYTES = 2_000_000;

export function ImportJourneyDialog({ team }: { team: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const { state, pending, onSubmit, reset } = useActionForm(importJourney, (result) => {
    if (result.data) router.push(`/t/${team}/journeys/${result.data.id}`);
  });

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError("This file is too large (at most 2 MB).");
      return;
    }
    setText(await file.text());
  };

  const documentError = state && !state.ok ? state.fieldErrors?.document : undefined;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          reset();
          setText("");
          setFileError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Upload aria-hidden="true" />
          Import JSON
        </Button>
      </DialogTrigger>
      <DialogContent title="Import a journey" description="Use a file from a journey's Export JSON, from this team or another one." maxWidth="xl">
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
          <input type="hidden" name="team" value={team} />
          <FormField id="import-file" label="File" error={fileError}>
            <Input type="file" accept="application/json,.json" onChange={pick} />
          </FormField>
          <FormField id="import-document" label="Journey JSON" description="Filled from the file, or paste it here." required error={documentError}>
            <Textarea name="document" value={text} onChange={(e) => setText(e.target.value)} rows={8} mono spellCheck={false} />
          </FormField>
          <DialogFooter>
            <Button type="submit" disabled={pending || text.trim() === ""}>
              {pending ? "Importing…" : "Import journey"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
