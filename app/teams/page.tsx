// GET /teams — the signed-in landing: my teams with my role in each, and creating a team. One team and no ?all=1: straight to it.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChevronRight, Users } from "lucide-react";
import { signOutAction } from "@/app/(auth)/actions";
import { Logo } from "@/components/brand/logo";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listUserTeams } from "@/db/queries/teams";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/team-context";
import { CreateTeamForm } from "./create-team-form";

export const metadata: Metadata = { title: "Your teams" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TeamsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/teams");
  const teams = await listUserTeams(user.id);
  const { all } = await searchParams;
  if (teams.length === 1 && all !== "1") redirect(`/t/${teams[0]!.slug}`);

  return (
    <div className="min-h-dvh bg-muted">
      <header className="border-b bg-background">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/teams?all=1" aria-label="Cairn: your teams" className="rounded-md p-1">
            <Logo className="text-lg" />
          </Link>
          <div className="flex items-center gap-2">
            <Button asChild variant="ghost">
              <Link href="/account">Account</Link>
            </Button>
            <form action={signOutAction}>
              <Button type="submit" variant="outline">
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8">
        <PageHeader title="Your teams" description={`Signed in as ${user.email}.`} />

        {teams.length === 0 ? (
          <EmptyState
            icon={<Users />}
            title="You are not in a team yet"
            description="Create a team below, or open the invitation link a colleague sent you to join theirs."
          />
        ) : (
          <nav aria-label="Your teams">
            <ul className="flex flex-col gap-2">
              {teams.map((team) => (
                <li key={team.id}>
                  <Link
                    href={`/t/${team.slug}`}
                    className="flex min-h-14 items-center gap-3 rounded-lg border bg-card px-4 py-3 hover:bg-accent"
                  >
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium">{team.name}</span>
                      <span className="block truncate text-sm text-muted-foreground">/t/{team.slug}</span>
                    </span>
                    <Badge variant="secondary">{ROLE_LABELS[team.role]}</Badge>
                    <ChevronRight aria-hidden="true" className="size-4 text-muted-foreground" />
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}

        <Card>
          <CardHeader>
            <CardTitle as="h2">Create a team</CardTitle>
            <CardDescription>You become its owner. It starts on the Free plan: up to 3 editors, unlimited viewers.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateTeamForm />
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
