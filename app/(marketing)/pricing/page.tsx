// GET /pricing — the plans, from the one plan config: Free, Team and Business, priced per editor seat.
import type { Metadata } from "next";
import Link from "next/link";
import { PlanCard } from "@/components/billing/plan-card";
import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";
import { PLANS, type PlanId } from "@/lib/billing/plans";

export const metadata: Metadata = {
  title: "Pricing",
  description: "Cairn is free for up to 3 editors. Paid plans are priced per editor seat; viewers are always free.",
};

const ORDER: PlanId[] = ["free", "team", "business"];

const QUESTIONS: Array<{ q: string; a: string }> = [
  { q: "Who needs a paid seat?", a: "Only people who edit: owners, admins and editors. Viewers — executives reading dashboards, for example — are free and unlimited, on every plan." },
  { q: "Do pending invitations count?", a: "Yes: an invitation to an editor or admin role holds a seat until it is accepted or revoked, so the team never ends up with more editors than seats." },
  { q: "What happens if a payment fails?", a: "Stripe retries, and the team keeps working for a grace period. After that it becomes read-only until the payment method is updated. Nothing is ever deleted." },
  { q: "And if we cancel?", a: "The team goes back to the Free plan's limits. Every journey, scorecard and measurement stays readable." },
  { q: "Can we host Cairn ourselves?", a: "Yes, Cairn is open source. A server without Stripe keys runs every team on the Free plan." },
];

export default function PricingPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" aria-label="Cairn home">
            <Logo className="text-lg" />
          </Link>
          <nav aria-label="Account" className="flex items-center gap-2">
            <Button asChild variant="ghost">
              <Link href="/sign-in">Sign in</Link>
            </Button>
            <Button asChild>
              <Link href="/sign-up">Get started</Link>
            </Button>
          </nav>
        </div>
      </header>

      <main className="flex-1">
        <section className="mx-auto max-w-6xl px-4 py-16">
          <h1 className="text-4xl font-semibold tracking-tight">Pricing</h1>
          <p className="mt-4 max-w-2xl text-lg text-muted-foreground">
            Start free with up to 3 editors. Paid plans are priced per editor seat per month; viewers never need a seat.
          </p>
          <ul className="mt-10 grid gap-6 md:grid-cols-3">
            {ORDER.map((id) => (
              <li key={id} className="flex">
                <PlanCard plan={PLANS[id]} headingAs="h2" highlighted={id === "team"} badge={id === "team" ? "Most teams" : undefined} className="w-full">
                  <Button asChild variant={id === "team" ? "default" : "outline"} className="w-full">
                    <Link href="/sign-up">{id === "free" ? "Start free" : `Start with ${PLANS[id].name}`}</Link>
                  </Button>
                </PlanCard>
              </li>
            ))}
          </ul>
          <p className="mt-4 text-sm text-muted-foreground">Prices in US dollars, before tax. Upgrade from your team&apos;s Billing settings once you have signed up.</p>
        </section>

        <section aria-labelledby="faq-heading" className="border-t bg-muted">
          <div className="mx-auto max-w-6xl px-4 py-16">
            <h2 id="faq-heading" className="text-2xl font-semibold tracking-tight">
              Questions
            </h2>
            <dl className="mt-8 grid gap-6 md:grid-cols-2">
              {QUESTIONS.map(({ q, a }) => (
                <div key={q}>
                  <dt className="font-semibold">{q}</dt>
                  <dd className="mt-2 text-muted-foreground">{a}</dd>
                </div>
              ))}
            </dl>
          </div>
        </section>
      </main>
    </div>
  );
}
