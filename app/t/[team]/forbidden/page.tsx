// GET /t/[team]/forbidden — where a page sends a member whose role cannot open it: says which role, and whom to ask.
import type { Metadata } from "next";
import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { listMembers } from "@/db/queries/memberships";
import { inTeam } from "@/db/tenant";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";

export const metadata: Metadata = { title: "Not allowed", robots: { index: false, follow: false } };

/** "A", "A and B", "A, B and C". */
function listOfNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export default async function ForbiddenPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  // Still a member check: someone outside the team gets the 404 here too.
  const { ctx, team } = await requireTeamPage(slug);
  const managers = await inTeam(ctx.teamId, async (tx) =>
    (await listMembers(tx, ctx)).filter((m) => (m.role === "owner" || m.role === "admin") && m.id !== ctx.membershipId).map((m) => m.name?.trim() || m.email),
  );
  const role = ROLE_LABELS[ctx.role].toLowerCase();

  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 rounded-lg border border-dashed px-4 py-10 text-center">
      <div aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <ShieldAlert className="size-6" />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">You can&apos;t open this page</h1>
      <p className="max-w-md text-muted-foreground">
        Your role in {team.name} ({role}) cannot open this page.{" "}
        {managers.length
          ? `Ask an admin — ${listOfNames(managers.slice(0, 5))}${managers.length > 5 ? " or another admin" : ""} — to change your role or to do it for you.`
          : "Ask an admin to change your role or to do it for you."}
      </p>
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        <Button asChild>
          <Link href={`/t/${team.slug}`}>Back to {team.name}</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href={`/t/${team.slug}/settings/members`}>See the members</Link>
        </Button>
      </div>
    </div>
  );
}
