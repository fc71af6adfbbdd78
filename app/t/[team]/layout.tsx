// The tenant app's frame: resolves the TeamContext once (404 for anyone outside the team),
// then header, team switcher, navigation and account menu around every team page.
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { Logo } from "@/components/brand/logo";
import { SkipLink } from "@/components/ui/skip-link";
import { NavLinks } from "@/components/app-shell/nav-links";
import { TeamSwitcher } from "@/components/app-shell/team-switcher";
import { UserMenu } from "@/components/app-shell/user-menu";
import { LiveProvider } from "@/components/realtime/live-provider";
import { BillingBanner } from "@/components/billing/billing-banner";
import { BinNoticeBar } from "@/components/recycle-bin/bin-notice";
import { InboxLink } from "@/components/notifications/inbox-link";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";
import { clock } from "@/lib/clock";

const NAV = [
  { href: "", label: "Overview" },
  { href: "/my-updates", label: "My updates" },
  { href: "/journeys", label: "Journeys" },
  { href: "/scorecards", label: "Scorecards" },
  { href: "/dashboards", label: "Dashboards" },
  { href: "/activity", label: "Activity" },
  { href: "/settings", label: "Settings" },
];

export default async function TeamLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, ctx, team, teams } = await requireTeamPage(slug);
  return (
    <LiveProvider team={team.slug} userId={user.id}>
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <header className="border-b bg-background" data-print-hidden>
        <div className="mx-auto flex max-w-7xl items-center gap-2 px-4 pt-2">
          <Link href={`/t/${team.slug}`} aria-label="Cairn: team overview" className="shrink-0">
            <Logo />
          </Link>
          <span aria-hidden="true" className="text-muted-foreground">/</span>
          <TeamSwitcher current={{ slug: team.slug, name: team.name }} teams={teams} />
          <div className="ml-auto flex items-center gap-1">
            {/* A server component renders once per request: the stamp tells the badge this is a new render. */}
            <InboxLink team={team.slug} renderedAt={clock.nowMs()} />
            <UserMenu name={user.name ?? user.email} email={user.email} role={ROLE_LABELS[ctx.role]} signOut={signOutAction} />
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4 py-1">
          <NavLinks team={team.slug} items={NAV} />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        <BillingBanner team={team} role={ctx.role} />
        <BinNoticeBar />
        {children}
      </main>
    </div>
    </LiveProvider>
  );
}
