// POST /api/stripe/webhook — Stripe's events: signature checked on the raw body, each applied once.
import { processStripeEvent, verifyStripeEvent } from "@/lib/billing/webhook";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  // The signature covers the exact bytes Stripe sent: read the body as text, never parse it first.
  const payload = await request.text();
  let event;
  try {
    event = verifyStripeEvent(payload, request.headers.get("stripe-signature"));
  } catch (error) {
    const message = error instanceof AppError ? error.message : "Invalid request.";
    return Response.json({ error: message }, { status: 400, headers: NO_STORE });
  }
  try {
    const outcome = await processStripeEvent(event);
    return Response.json({ received: true, ...outcome }, { headers: NO_STORE });
  } catch (error) {
    // Nothing was recorded, so Stripe's retry will apply the event later.
    console.error(`[stripe] ${event.type} ${event.id} failed`, error);
    return Response.json({ error: "Could not process this event; it will be retried." }, { status: 500, headers: NO_STORE });
  }
}
