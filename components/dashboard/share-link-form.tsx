"use client";
// ShareLinkForm: creates a read-only link to one dashboard and shows it once, with a copy button.
import { CircleCheck, Link2, LoaderCircle } from "lucide-react";
import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { fieldError, type ActionResult, type ActionState } from "@/lib/actions/result";
import { SHARE_EXPIRY_CHOICES } from "@/lib/sharing/expiry-choices";
import { CopyButton } from "./copy-button";

type Created = { id: string; url: string; label: string; includeSubtree: boolean; expiresAt: string | null };
type CreateAction = (previous: ActionState<Created>, formData: FormData) => Promise<ActionResult<Created>>;

export function ShareLinkForm({ action, team, scorecardId }: { action: CreateAction; team: string; scorecardId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const urlId = useId();
  const created = state?.ok ? state.data : undefined;
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} noValidate className="flex flex-col gap-4">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <input type="hidden" name="team" value={team} />
          <input type="hidden" name="scorecardId" value={scorecardId} />
          <FormField id="share-label" label="Label" description="Who the link is for, e.g. “Board, March meeting”." error={fieldError(state, "label")} className="sm:flex-1">
            <Input name="label" maxLength={100} autoComplete="off" />
          </FormField>
          <FormField id="share-expiry" label="Expires" error={fieldError(state, "expiresInDays")} className="sm:w-44">
            <Select name="expiresInDays" defaultValue="30">
              {SHARE_EXPIRY_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="includeSubtree" className="mt-0.5 size-4 accent-primary" />
          <span>
            <span className="font-medium">Include the units below</span>
            <span className="block text-muted-foreground">The link opens the organisation view of this scorecard and every unit under it, and each of their dashboards. Nothing above or beside it.</span>
          </span>
        </label>
        <Button type="submit" disabled={pending} className="self-start">
          {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : <Link2 aria-hidden="true" />}
          {pending ? "Creating…" : "Create link"}
        </Button>
      </form>
      {state && !state.ok && !state.fieldErrors ? <Alert variant="error">{state.message}</Alert> : null}
      {created ? (
        <div role="status" className="flex flex-col gap-2 rounded-md border border-status-green-border bg-status-green-bg p-3 text-sm">
          <p className="flex items-center gap-2 font-semibold text-status-green">
            <CircleCheck aria-hidden="true" className="size-4 shrink-0" />
            Link created. Copy it now: it is shown only once.
          </p>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <label htmlFor={urlId} className="sr-only">
              Share link
            </label>
            <Input id={urlId} readOnly value={created.url} mono className="sm:flex-1" onFocus={(e) => e.currentTarget.select()} data-testid="new-share-url" />
            <CopyButton value={created.url} />
          </div>
          <p>
            Anyone with this link can see {created.includeSubtree ? "this dashboard and the units below it" : "this dashboard"} (read-only) until you revoke it{created.expiresAt ? " or it expires" : ""}.
          </p>
        </div>
      ) : null}
    </div>
  );
}
