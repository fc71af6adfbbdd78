// GET /t/[team]/settings — general team settings (admins and owners): name, URL name, calendar, two-factor requirement; deleting the team (owners).
import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { redirect } from "next/navigation";
import { requireTeamPage } from "@/lib/auth/team-context";
import { DeleteTeamDialog } from "./delete-team-dialog";
import { TeamSettingsForm } from "./team-settings-form";
import { TwoFactorRequirementForm } from "./two-factor-requirement-form";

export const metadata: Metadata = { title: "Team settings" };

/** Every IANA zone this runtime knows, with UTC first (Intl lists only geographic zones). */
function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return Array.from(new Set(["UTC", current, ...zones]));
}

const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  value: i + 1,
  label: new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, i, 1))),
}));

export default async function TeamSettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { ctx, team } = await requireTeamPage(slug);
  // Everyone may open Settings; those who cannot change the team land on the members list.
  if (!can(ctx.role, "team.update")) redirect(`/t/${slug}/settings/members`);

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <PageHeader title="Team settings" description={`How ${team.name} is named, addressed and which calendar its periods follow.`} />

      <Card>
        <CardHeader>
          <CardTitle as="h2">General</CardTitle>
          <CardDescription>The time zone and fiscal year decide what &ldquo;this week&rdquo; and &ldquo;this quarter&rdquo; mean for everyone in the team.</CardDescription>
        </CardHeader>
        <CardContent>
          <TeamSettingsForm
            team={{ slug: team.slug, name: team.name, timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth, version: team.version }}
            timeZones={timeZoneOptions(team.timeZone)}
            months={MONTHS}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Two-factor sign-in</CardTitle>
          <CardDescription>
            When required, members without an authenticator app are sent to set one up before they can open this team. API keys are not affected.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <TwoFactorRequirementForm team={team.slug} required={team.requireTwoFactor} />
        </CardContent>
      </Card>

      {can(ctx.role, "team.delete") ? (
        <Card className="border-destructive/50">
          <CardHeader>
            <CardTitle as="h2" className="text-destructive">
              Danger zone
            </CardTitle>
            <CardDescription>
              Deleting {team.name} removes its journeys, scorecards, measurements, history and memberships for everyone. This cannot be undone.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <DeleteTeamDialog team={{ slug: team.slug, name: team.name }} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
