"use client";
// Renames the signed-in person.
import { useActionState, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError } from "@/lib/actions/result";
import { FormMessage, SubmitButton } from "../(auth)/form-parts";
import { updateNameAction } from "./actions";

export function NameForm({ name: initial }: { name: string }) {
  const [state, formAction, pending] = useActionState(updateNameAction, null);
  const [name, setName] = useState(initial);

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <FormField id="account-name" label="Name" required error={fieldError(state, "name")}>
        <Input name="name" autoComplete="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </FormField>
      <SubmitButton pending={pending} pendingLabel="Saving…" className="self-start">
        Save name
      </SubmitButton>
    </form>
  );
}
