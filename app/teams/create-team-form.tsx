"use client";
// Create a team: the URL name follows the team name until the person edits it.
import { useActionState, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { slugify } from "@/lib/validation/primitives";
import { FormMessage, SubmitButton } from "@/app/(auth)/form-parts";
import { createTeamAction } from "./actions";

export function CreateTeamForm() {
  const [state, formAction, pending] = useActionState(createTeamAction, null);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [edited, setEdited] = useState(false);
  const shown = edited ? slug : slugify(name);

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state && !state.ok && state.fieldErrors ? null : state} />
      <input type="hidden" name="slugEdited" value={edited ? "1" : ""} />
      <FormField id="create-team-name" label="Team name" required error={fieldError(state, "name")}>
        <Input name="name" required maxLength={100} autoComplete="organization" value={name} onChange={(e) => setName(e.target.value)} />
      </FormField>
      <FormField
        id="create-team-slug"
        label="URL name"
        description={
          edited
            ? `The team's address: /t/${shown || "…"}. Lowercase letters, digits and dashes.`
            : `Suggested from the name: /t/${shown || "…"}. If it is taken, a number is added. Edit it to choose your own.`
        }
        error={fieldError(state, "slug")}
      >
        <Input
          name="slug"
          maxLength={40}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={shown}
          onChange={(e) => {
            setEdited(true);
            setSlug(e.target.value);
          }}
        />
      </FormField>
      <SubmitButton pending={pending} pendingLabel="Creating the team…" className="self-start">
        Create team
      </SubmitButton>
    </form>
  );
}
