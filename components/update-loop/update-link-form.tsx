"use client";
// The one-value form behind an update link: the KPI, its target and last value, an input that
// previews the status as you type, and — when the value is off track — a short "why".
import { CircleCheck } from "lucide-react";
import Link from "next/link";
import { useActionState, useState } from "react";
import { SubmitButton } from "@/app/(auth)/form-parts";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { StatusBadge, statusLabels } from "@/components/ui/status-badge";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, type ActionResult, type ActionState } from "@/lib/actions/result";
import { parseDecimal } from "@/lib/measurements/decimal";
import { kpiStatus } from "@/lib/scoring";
import type { LinkForm, LinkSubmitted } from "@/lib/update-loop/use-update-link";

type Submit = (state: ActionState<LinkSubmitted>, formData: FormData) => Promise<ActionResult<LinkSubmitted>>;

export function UpdateLinkForm({ token, form, action }: { token: string; form: LinkForm; action: Submit }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [value, setValue] = useState("");
  const parsed = parseDecimal(value);
  const preview = parsed.ok ? kpiStatus(form.def, parsed.value) : null;

  if (state?.ok && state.data) {
    const done = state.data;
    return (
      <section aria-labelledby="saved-heading" className="flex flex-col gap-4" data-testid="update-link-saved">
        <h1 id="saved-heading" className="flex items-center gap-2 text-2xl font-semibold">
          <CircleCheck aria-hidden="true" className="size-6 text-status-green" />
          Saved
        </h1>
        <p>
          {done.what}: <strong>{done.value}</strong> <StatusBadge status={done.status} size="sm" />
        </p>
        {done.status === "red" && !done.explained ? (
          <Alert variant="warning">It is off track: sign in to say why, or to start an initiative, so the team sees it is in hand.</Alert>
        ) : null}
        <p className="text-sm text-muted-foreground">This link has done its job and will not work again. Thank you for keeping the numbers current.</p>
        <Link href={`/t/${done.teamSlug}/my-updates`} className="text-sm font-medium text-primary underline underline-offset-4">
          Open My updates in Cairn
        </Link>
      </section>
    );
  }

  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="token" value={token} />
      <div className="flex flex-col gap-1">
        <p className="text-sm text-muted-foreground">
          {form.teamName} · {form.scorecardName} · {form.objectiveTitle}
        </p>
        <h1 className="text-2xl font-semibold">
          {form.kpiName}, {form.periodLabel}
        </h1>
        <p className="text-sm text-muted-foreground">
          You are entering this value as {form.ownerName}, the KPI&apos;s owner. The link works once, until {form.expiresOn}.
        </p>
      </div>

      <dl className="grid grid-cols-1 gap-2 rounded-md border bg-muted/40 p-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted-foreground">Target</dt>
          <dd className="font-medium">{form.target}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Last value</dt>
          <dd className="font-medium">{form.last ? `${form.last.value} (${form.last.label})` : "None yet"}</dd>
        </div>
      </dl>

      {state && !state.ok && !state.fieldErrors ? <Alert variant="error">{state.message}</Alert> : null}

      <FormField
        id="update-value"
        label={`Value for ${form.periodLabel}${form.unit === "percent" ? " (%)" : form.unit === "currency" && form.currency ? ` (${form.currency})` : ""}`}
        required
        error={fieldError(state, "value")}
        description={preview ? `This value would be: ${statusLabels[preview]}.` : "Decimal commas are fine."}
      >
        <Input name="value" inputMode="decimal" autoComplete="off" autoFocus required value={value} onChange={(e) => setValue(e.target.value)} className="max-w-48" />
      </FormField>

      {preview === "red" ? (
        <FormField id="update-reason" label="Why is it off track?" description="A sentence for your team: what happened, and what is being done." error={fieldError(state, "reason")}>
          <Textarea name="reason" rows={3} maxLength={1000} />
        </FormField>
      ) : null}

      <FormField id="update-note" label="Note (optional)" description="Where the number comes from, or anything worth knowing." error={fieldError(state, "note")}>
        <Textarea name="note" rows={2} maxLength={2000} />
      </FormField>

      <SubmitButton pending={pending} pendingLabel="Saving…" className="self-start">
        Save value
      </SubmitButton>
    </form>
  );
}
