// GET / — what Cairn is, for someone arriving for the first time.
import Link from "next/link";
import { Activity, Map, Target, Users } from "lucide-react";
import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";

const FEATURES = [
  {
    icon: Map,
    title: "Customer journey maps",
    body: "Stages, touchpoints, pain points, opportunities and an emotion curve for each persona — on one canvas your whole team can edit.",
  },
  {
    icon: Target,
    title: "A Balanced Scorecard aligned with the journey",
    body: "Objectives across the four perspectives, KPIs with targets and thresholds, a strategy map, and an alignment matrix that shows which stage no objective serves.",
  },
  {
    icon: Users,
    title: "Edited together, live",
    body: "Changes reach everyone's screen within a second; conflicting edits are caught, never silently overwritten; every change is in the history.",
  },
  {
    icon: Activity,
    title: "Dashboards executives read",
    body: "Scores, status and trends by perspective and by journey stage, with a needs-attention list — shared with viewers for free, or through a link.",
  },
] as const;

export default function LandingPage() {
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
        <section className="mx-auto max-w-6xl px-4 py-16 sm:py-24">
          <p className="text-sm font-medium uppercase tracking-wide text-primary">Open source · self-hostable</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">
            Map your customers&apos; journeys. Run the strategy that serves them.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-muted-foreground">
            Cairn puts customer journey maps and a Balanced Scorecard in one picture: every objective says which journey
            stage it serves, every stage shows the health of the KPIs behind it.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Button asChild size="lg">
              <Link href="/sign-up">Create your team — free</Link>
            </Button>
            <Button asChild size="lg" variant="outline">
              <Link href="/sign-in">Sign in</Link>
            </Button>
          </div>
        </section>

        <section aria-labelledby="features-heading" className="border-t bg-muted">
          <div className="mx-auto max-w-6xl px-4 py-16">
            <h2 id="features-heading" className="text-2xl font-semibold tracking-tight">
              What you get
            </h2>
            <ul className="mt-8 grid gap-6 sm:grid-cols-2">
              {FEATURES.map(({ icon: Icon, title, body }) => (
                <li key={title} className="rounded-lg border bg-card p-6">
                  <Icon aria-hidden="true" className="size-6 text-primary" />
                  <h3 className="mt-3 font-semibold">{title}</h3>
                  <p className="mt-2 text-muted-foreground">{body}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>

      <footer className="border-t">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-sm text-muted-foreground">
          <span>Cairn is open source. Run it on your own server with one PostgreSQL database.</span>
          <span>Single sign-on on every plan.</span>
        </div>
      </footer>
    </div>
  );
}
