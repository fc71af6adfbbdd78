"use client";
// Invite by e-mail with a role; shows the editor seats in use and, when the plan is full, the way to Billing.
import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { fieldError, type ActionResult, type ActionState } from "@/lib/actions/result";
import { SubmitButton } from "@/app/(auth)/form-parts";
import { inviteMember } from "./actions";

type InvitableRole = "admin" | "editor" | "viewer";

const ROLE_OPTIONS: Array<{ value: InvitableRole; label: string }> = [
  { value: "viewer", label: "Viewer — reads everything (free)" },
  { value: "editor", label: "Editor — edits journeys and scorecards" },
  { value: "admin", label: "Admin — also manages members and billing" },
];

export function InviteForm({ team, seats, billingHref }: { team: string; seats: { used: number; limit: number }; billingHref?: string }) {
  const full = seats.used >= seats.limit;
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<InvitableRole>(full ? "viewer" : "editor");
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionResult> => {
    const result = await inviteMember(previous, formData);
    if (result.ok) setEmail("");
    return result;
  }, null);
  const sent = state?.ok ? (state.data as { email?: string; role?: string } | undefined) : undefined;

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="team" value={team} />

      {state && !state.ok && state.status === 402 ? (
        <Alert variant="error" title="No editor seat left">
          {state.message}
          {billingHref ? (
            <>
              {" "}
              <Link href={billingHref}>Open Billing</Link>
            </>
          ) : (
            " Ask an admin or owner to add seats."
          )}
        </Alert>
      ) : state && !state.ok && !state.fieldErrors ? (
        <Alert variant="error">{state.message}</Alert>
      ) : sent?.email ? (
        <Alert variant="success">
          Invitation sent to {sent.email}. The link works once and expires in 7 days.
        </Alert>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-[1fr_16rem]">
        <FormField id="invite-email" label="E-mail" required error={fieldError(state, "email")}>
          <Input
            name="email"
            type="email"
            inputMode="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={254}
            placeholder="name@company.com"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </FormField>
        <FormField id="invite-role" label="Role" error={state && !state.ok && state.status !== 402 ? fieldError(state, "role") : undefined}>
          <Select name="role" value={role} onChange={(e) => setRole(e.target.value as InvitableRole)}>
            {ROLE_OPTIONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </FormField>
      </div>

      <p className="text-sm text-muted-foreground" data-testid="seat-usage">
        <span className="font-medium text-foreground">
          {seats.used} of {seats.limit} editor seats in use
        </span>{" "}
        (pending invitations count).{" "}
        {full ? (
          <>
            Viewers are always free; to invite more editors or admins, add seats
            {billingHref ? (
              <>
                {" "}
                in{" "}
                <Link href={billingHref} className="font-medium text-primary underline underline-offset-4">
                  Billing
                </Link>
              </>
            ) : (
              " (ask an owner or admin)"
            )}
            .
          </>
        ) : (
          "Viewers are always free."
        )}
      </p>

      <SubmitButton pending={pending} pendingLabel="Sending…" className="self-start">
        Send invitation
      </SubmitButton>
    </form>
  );
}
