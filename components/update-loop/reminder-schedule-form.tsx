"use client";
// The team's reminder schedule (admins). A stale save (409) shows the saved schedule and lets
// the admin save theirs over it on purpose.
import { useActionState, useState } from "react";
import { SubmitButton } from "@/app/(auth)/form-parts";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { fieldError, type ActionResult, type ActionState } from "@/lib/actions/result";

export interface ScheduleFields {
  enabled: boolean;
  daysBefore: number | null;
  daysAfter: number | null;
  sendHour: number;
  /** null: the team still runs on the defaults (no saved schedule). */
  version: number | null;
}

type Save = (state: ActionState<ScheduleFields>, formData: FormData) => Promise<ActionResult<ScheduleFields>>;

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function ReminderScheduleForm({ team, schedule, timeZone, action }: { team: string; schedule: ScheduleFields; timeZone: string; action: Save }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [enabled, setEnabled] = useState(schedule.enabled);
  const current = state?.ok && state.data ? state.data : null;
  const conflict = state && !state.ok && state.status === 409 ? ((state.current as ScheduleFields | null) ?? null) : null;
  const version = conflict?.version ?? current?.version ?? schedule.version;

  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="version" value={version ?? ""} />
      {conflict ? (
        <Alert variant="warning" title="Someone else saved the schedule since you opened the page">
          Theirs: {conflict.enabled ? "on" : "off"}, {conflict.daysBefore ?? "no"} days before, {conflict.daysAfter ?? "no"} days after, at {conflict.sendHour}:00. Save again to keep yours.
        </Alert>
      ) : state && !state.ok && !state.fieldErrors ? (
        <Alert variant="error">{state.message}</Alert>
      ) : current ? (
        <Alert variant="success">Reminder schedule saved.</Alert>
      ) : null}

      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="mt-0.5 size-4 accent-primary" />
        <span>
          <span className="font-medium">Send scheduled reminders</span>
          <span className="block text-muted-foreground">Off: nobody is reminded on a schedule; &ldquo;Send reminders now&rdquo; still works.</span>
        </span>
      </label>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <FormField id="reminder-days-before" label="Days before a period ends" description="A heads-up for the period in progress. Empty: none." error={fieldError(state, "daysBefore")}>
          <Input name="daysBefore" type="number" min={0} max={30} inputMode="numeric" defaultValue={schedule.daysBefore ?? ""} />
        </FormField>
        <FormField id="reminder-days-after" label="Days after a period ends" description="If its value is still missing. Empty: none." error={fieldError(state, "daysAfter")}>
          <Input name="daysAfter" type="number" min={1} max={30} inputMode="numeric" defaultValue={schedule.daysAfter ?? ""} />
        </FormField>
        <FormField id="reminder-send-hour" label="Send at" description={`Team time (${timeZone}).`} error={fieldError(state, "sendHour")}>
          <Select name="sendHour" defaultValue={schedule.sendHour}>
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, "0")}:00
              </option>
            ))}
          </Select>
        </FormField>
      </div>

      <SubmitButton pending={pending} pendingLabel="Saving…" className="self-start">
        Save schedule
      </SubmitButton>
    </form>
  );
}
