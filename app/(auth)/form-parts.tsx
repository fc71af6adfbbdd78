// Pieces every auth and account form shares: the submit button with its pending state, and the form-level message.
import { LoaderCircle } from "lucide-react";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions/result";
import { cn } from "@/lib/cn";

export function SubmitButton({ pending, pendingLabel, children, className }: { pending: boolean; pendingLabel: string; children: ReactNode; className?: string }) {
  return (
    <Button type="submit" disabled={pending} className={cn("w-full sm:w-auto", className)}>
      {pending ? (
        <>
          <LoaderCircle aria-hidden="true" className="animate-spin" />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </Button>
  );
}

/** The failure message of the last submit (field errors are shown beside their fields), or its success message. */
export function FormMessage({ state }: { state: ActionState | undefined }) {
  if (!state) return null;
  if (!state.ok) return <Alert variant="error">{state.message}</Alert>;
  const message = successMessage(state.data) ?? state.message;
  return message ? <Alert variant="success">{message}</Alert> : null;
}

export function successMessage(data: unknown): string | undefined {
  return data && typeof data === "object" && "message" in data && typeof data.message === "string" ? data.message : undefined;
}
