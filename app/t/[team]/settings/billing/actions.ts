"use server";
// Server actions of the billing page: start Checkout, open the customer portal, change paid seats.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/actions/team-action";
import { openCustomerPortal, startCheckout } from "@/lib/billing/checkout";
import { MAX_PAID_SEATS, changePaidSeats } from "@/lib/billing/paid-seats";

const plan = z.enum(["team", "business"], { error: "Choose a plan: Team or Business" });
const seats = z.coerce
  .number({ error: "Seats must be a whole number" })
  .int("Seats must be a whole number")
  .min(1, "At least 1 seat")
  .max(MAX_PAID_SEATS, `At most ${MAX_PAID_SEATS} seats; contact us for more`);

// The seat quantity is never taken from the form: startCheckout counts it on the server.
export const startCheckoutAction = teamAction("billing.checkout", {
  permission: "billing.manage",
  schema: z.object({ plan }),
  handler: (input, { tx, ctx, user }) => startCheckout(tx, { ctx, user }, input.plan),
});

export const openPortalAction = teamAction("billing.portal", {
  permission: "billing.manage",
  schema: z.object({}),
  handler: (_input, { tx, ctx, user }) => openCustomerPortal(tx, { ctx, user }),
});

export const updateSeatsAction = teamAction("billing.update_seats", {
  permission: "billing.manage",
  schema: z.object({ seats }),
  handler: (input, { tx, ctx, user }) => changePaidSeats(tx, { ctx, user }, input.seats),
  after(_result, { ctx }) {
    revalidatePath(`/t/${ctx.teamSlug}/settings/billing`);
    revalidatePath(`/t/${ctx.teamSlug}/settings/members`);
  },
});
