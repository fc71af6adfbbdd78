"use client";
// The button that confirms an e-mail address: a POST, so link scanners that follow the link change nothing.
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { verifyEmailAction } from "../../actions";
import { FormMessage, SubmitButton } from "../../form-parts";

export function VerifyEmailForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(verifyEmailAction, null);

  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage state={state} />
        <Button asChild className="self-start">
          <Link href="/teams">Continue to Cairn</Link>
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Confirming…" className="sm:w-full">
        Confirm my e-mail
      </SubmitButton>
    </form>
  );
}
