// The fake Stripe for the e2e server: started in the server's process when E2E_FAKE_STRIPE=1,
// it answers the app's Stripe calls and, when a browser "pays" on its checkout page, sends the
// signed webhook events to the app before redirecting back (as Stripe does).
// Hook (scripts/e2e-server.ts, before the seed):
//   import { startE2eFakeStripe } from "./e2e-fake-stripe";
//   if (process.env.E2E_FAKE_STRIPE === "1") Object.assign(env, await startE2eFakeStripe(env.APP_URL!));
import { startFakeStripe } from "../tests/support/fake-stripe";

/** Starts the fake and returns the environment that points the app at it. */
export async function startE2eFakeStripe(appUrl: string): Promise<Record<string, string>> {
  const fake = await startFakeStripe({
    port: Number(process.env.E2E_FAKE_STRIPE_PORT ?? 0),
    webhookUrl: `${appUrl.replace(/\/$/, "")}/api/stripe/webhook`,
  });
  console.log(`Fake Stripe listening at ${fake.url} (webhooks → ${fake.webhookUrl})`);
  return { ...fake.env(), BILLING_GRACE_DAYS: process.env.BILLING_GRACE_DAYS ?? "7" };
}
