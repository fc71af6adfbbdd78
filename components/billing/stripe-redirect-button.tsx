"use client";
// A button that asks the server for a Stripe page (Checkout, customer portal) and goes there.
import { LoaderCircle } from "lucide-react";
import { useActionState, useEffect, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type RedirectAction = (state: ActionState<{ url: string }>, formData: FormData) => Promise<ActionResult<{ url: string }>>;

export type StripeRedirectButtonProps = {
  action: RedirectAction;
  team: string;
  /** Extra hidden fields, e.g. { plan: "team" }. Never a seat count: the server computes it. */
  fields?: Record<string, string>;
  children: ReactNode;
  pendingLabel: string;
  variant?: ButtonProps["variant"];
  className?: string;
};

export function StripeRedirectButton({ action, team, fields = {}, children, pendingLabel, variant, className }: StripeRedirectButtonProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const url = state?.ok ? state.data?.url : undefined;

  useEffect(() => {
    if (url) window.location.assign(url);
  }, [url]);

  const busy = pending || Boolean(url);
  return (
    <form action={formAction} className={className}>
      <input type="hidden" name="team" value={team} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state && !state.ok ? (
        <Alert variant="error" className="mb-3">
          {state.message}
        </Alert>
      ) : null}
      <Button type="submit" variant={variant} disabled={busy} aria-busy={busy || undefined}>
        {busy ? (
          <>
            <LoaderCircle aria-hidden="true" className="animate-spin" />
            {pendingLabel}
          </>
        ) : (
          children
        )}
      </Button>
    </form>
  );
}
