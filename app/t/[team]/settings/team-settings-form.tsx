"use client";
// The general settings form. A stale save (409) lets the person keep their values or take the saved ones.
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { fieldError, type ActionResult, type ActionState } from "@/lib/actions/result";
import { SubmitButton } from "@/app/(auth)/form-parts";
import { updateTeam } from "./actions";

interface Settings {
  slug: string;
  name: string;
  timeZone: string;
  fiscalYearStartMonth: number;
  version: number;
}

type Fields = Omit<Settings, "version">;

function conflictOf(state: ActionState): Settings | null {
  if (!state || state.ok || state.status !== 409 || !state.current || typeof state.current !== "object") return null;
  const c = state.current as Partial<Settings>;
  return typeof c.version === "number" ? (c as Settings) : null;
}

export function TeamSettingsForm({ team, timeZones, months }: { team: Settings; timeZones: string[]; months: Array<{ value: number; label: string }> }) {
  const router = useRouter();
  const [fields, setFields] = useState<Fields>({ name: team.name, slug: team.slug, timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth });
  // The version this form's values are based on, when it is newer than the page's (after "take theirs").
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState<ActionState>(null);
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionResult> => {
    const result = await updateTeam(previous, formData);
    if (result.ok) setBaseVersion(null);
    return result;
  }, null);

  const conflict = state !== dismissed ? conflictOf(state) : null;
  // With a conflict on screen, saving again means "keep mine": it is based on the version just seen.
  const version = conflict?.version ?? Math.max(baseVersion ?? 0, team.version);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((f) => ({ ...f, [key]: value }));

  function takeTheirs(current: Settings) {
    setFields({ name: current.name, slug: current.slug, timeZone: current.timeZone, fiscalYearStartMonth: current.fiscalYearStartMonth });
    setBaseVersion(current.version);
    setDismissed(state);
    router.refresh();
  }

  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="team" value={team.slug} />
      <input type="hidden" name="version" value={version} />

      {conflict ? (
        <Alert variant="warning" title="Someone else saved these settings since you opened the page">
          <p>
            Their values: name &ldquo;{conflict.name}&rdquo;, URL name &ldquo;{conflict.slug}&rdquo;, time zone {conflict.timeZone}, fiscal year from{" "}
            {months.find((m) => m.value === conflict.fiscalYearStartMonth)?.label ?? conflict.fiscalYearStartMonth}.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button type="submit" size="sm" disabled={pending}>
              Keep mine and save
            </Button>
            <Button variant="outline" size="sm" onClick={() => takeTheirs(conflict)}>
              Take theirs
            </Button>
          </div>
        </Alert>
      ) : state && !state.ok && !state.fieldErrors ? (
        <Alert variant="error">{state.message}</Alert>
      ) : state?.ok && state !== dismissed ? (
        <Alert variant="success">Settings saved.</Alert>
      ) : null}

      <FormField id="team-name" label="Team name" required error={fieldError(state, "name")}>
        <Input name="name" required maxLength={100} autoComplete="organization" value={fields.name} onChange={(e) => set("name", e.target.value)} />
      </FormField>

      <FormField
        id="team-slug"
        label="URL name"
        required
        description={`The team's address: /t/${fields.slug || "…"}. Lowercase letters, digits and dashes. Changing it breaks links people have saved.`}
        error={fieldError(state, "slug")}
      >
        <Input
          name="slug"
          required
          minLength={3}
          maxLength={40}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={fields.slug}
          onChange={(e) => set("slug", e.target.value)}
        />
      </FormField>

      <FormField id="team-time-zone" label="Time zone" description="Periods start at midnight in this zone." error={fieldError(state, "timeZone")}>
        <Select name="timeZone" value={fields.timeZone} onChange={(e) => set("timeZone", e.target.value)}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </Select>
      </FormField>

      <FormField
        id="team-fiscal-month"
        label="Fiscal year starts in"
        description="Quarters follow the fiscal year: with April, Q1 is April to June."
        error={fieldError(state, "fiscalYearStartMonth")}
      >
        <Select name="fiscalYearStartMonth" value={fields.fiscalYearStartMonth} onChange={(e) => set("fiscalYearStartMonth", Number(e.target.value))}>
          {months.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </Select>
      </FormField>

      {conflict ? null : (
        <SubmitButton pending={pending} pendingLabel="Saving…" className="self-start">
          Save changes
        </SubmitButton>
      )}
    </form>
  );
}
