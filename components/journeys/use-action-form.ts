"use client";
// Submits a form to a server action without React's automatic form reset, so what the
// person typed stays in place when the server refuses it (422) and they can correct it.
import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/result";

export function useActionForm<R>(action: (input: FormData) => Promise<ActionResult<R>>, onSuccess?: (result: Extract<ActionResult<R>, { ok: true }>) => void) {
  const [state, setState] = useState<ActionResult<R> | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      let result: ActionResult<R>;
      try {
        result = await action(data);
      } catch {
        result = { ok: false, status: 500, code: "internal", message: "The connection failed: nothing was saved. Please try again." };
      }
      setState(result);
      if (result.ok) onSuccess?.(result);
    });
  };
  return { state, pending, onSubmit, reset: () => setState(null) };
}
