"use client";
// Changes how many editor seats the subscription pays for; Stripe prorates the difference.
import { LoaderCircle } from "lucide-react";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldError, type ActionResult, type ActionState } from "@/lib/actions/result";

type SeatsAction = (state: ActionState<{ paidSeats: number; message: string }>, formData: FormData) => Promise<ActionResult<{ paidSeats: number; message: string }>>;

export type SeatsFormProps = {
  action: SeatsAction;
  team: string;
  paidSeats: number;
  seatsUsed: number;
  pricePerSeat: string;
  disabled?: boolean;
};

export function SeatsForm({ action, team, paidSeats, seatsUsed, pricePerSeat, disabled = false }: SeatsFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const [seats, setSeats] = useState(String(paidSeats));
  const fieldMessage = fieldError(state, "seats");

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="team" value={team} />
      {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
      {state?.ok && state.data ? <Alert variant="success">{state.data.message}</Alert> : null}
      <FormField
        id="billing-seats"
        label="Paid editor seats"
        required
        description={`${seatsUsed} in use. ${pricePerSeat} per seat per month; Stripe prorates the change on the next invoice.`}
        error={fieldMessage}
      >
        <Input
          name="seats"
          type="number"
          inputMode="numeric"
          min={Math.max(seatsUsed, 1)}
          max={1000}
          step={1}
          required
          disabled={disabled}
          fullWidth={false}
          className="w-32"
          value={seats}
          onChange={(e) => setSeats(e.target.value)}
        />
      </FormField>
      <Button type="submit" disabled={pending || disabled} className="self-start">
        {pending ? (
          <>
            <LoaderCircle aria-hidden="true" className="animate-spin" />
            Updating seats…
          </>
        ) : (
          "Update seats"
        )}
      </Button>
    </form>
  );
}
