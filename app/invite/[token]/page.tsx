// GET /invite/[token] — the invitation landing: which team, which role, for which address; accept it, or sign in / sign up first.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { signOutAction } from "@/app/(auth)/actions";
import { Logo } from "@/components/brand/logo";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { findMemberTeam } from "@/db/queries/teams";
import { findUserById } from "@/db/queries/users";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { describeInvitation } from "@/lib/teams/invitations";
import { AcceptInvitationForm } from "./accept-invitation-form";

// The URL is a secret: keep it out of search engines and out of Referer headers sent to other sites.
export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false }, referrer: "no-referrer" };

const ROLE_MEANING = {
  owner: "manages everything, including billing and deleting the team",
  admin: "edits everything and manages members and billing",
  editor: "edits journeys, scorecards and measurements",
  viewer: "reads every journey, scorecard and dashboard",
  contributor: "enters the values of the KPIs they own or are assigned",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Unknown, used, revoked and expired links get one and the same answer: a 404 with the not-found page beside this one.
  const found = token.length <= 200 ? await describeInvitation(token) : null;
  if (!found) notFound();
  const { team, invitation } = found;
  const user = await getCurrentUser();
  const inviter = invitation.invitedBy ? await findUserById(invitation.invitedBy) : undefined;
  const invitedBy = inviter?.name?.trim() || inviter?.email;
  const role = ROLE_LABELS[invitation.role];
  const expires = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: team.timeZone }).format(invitation.expiresAt);
  const here = `/invite/${encodeURIComponent(token)}`;
  const isInvitee = user?.email.toLowerCase() === invitation.email;
  const membership = user && isInvitee ? await findMemberTeam(user.id, team.slug) : undefined;

  return (
    <div className="flex min-h-dvh flex-col items-center bg-muted px-4 py-8 sm:justify-center sm:py-12">
      <header className="mb-6">
        <Link href="/" aria-label="Cairn home" className="inline-flex rounded-md p-1">
          <Logo className="text-xl" />
        </Link>
      </header>
      <main className="w-full max-w-md">
        <Card className="flex flex-col gap-6 p-5 sm:p-8">
          <div className="flex flex-col gap-1.5">
            <h1 className="text-2xl font-semibold tracking-tight">Join {team.name} on Cairn</h1>
            <p className="text-sm text-muted-foreground">
              {invitedBy ? `${invitedBy} invited you` : "You were invited"} as {role.toLowerCase()}: someone who {ROLE_MEANING[invitation.role]}.
            </p>
          </div>

          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-muted-foreground">Team</dt>
            <dd className="font-medium">{team.name}</dd>
            <dt className="text-muted-foreground">Role</dt>
            <dd className="font-medium">{role}</dd>
            <dt className="text-muted-foreground">Invited address</dt>
            <dd className="font-medium break-all">{invitation.email}</dd>
            <dt className="text-muted-foreground">Valid until</dt>
            <dd>{expires}</dd>
          </dl>

          {!user ? (
            <div className="flex flex-col gap-3">
              <p className="text-sm">
                Sign in as <span className="font-medium">{invitation.email}</span> to accept, or create an account with that address: creating it from this
                link confirms the address, since the invitation was mailed there.
              </p>
              <div className="flex flex-col gap-2 sm:flex-row">
                <Button asChild className="sm:flex-1">
                  <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link>
                </Button>
                <Button asChild variant="outline" className="sm:flex-1">
                  <Link href={`/sign-up?invite=${encodeURIComponent(token)}`}>Create an account</Link>
                </Button>
              </div>
            </div>
          ) : !isInvitee ? (
            <div className="flex flex-col gap-3">
              <Alert variant="warning" title="This invitation is for another address">
                You are signed in as <span className="font-medium">{user.email}</span>, but the invitation was sent to{" "}
                <span className="font-medium">{invitation.email}</span>. Sign out and sign in with that address to accept it, or ask for an
                invitation to {user.email}.
              </Alert>
              <div className="flex flex-col gap-2 sm:flex-row">
                <form action={signOutAction} className="sm:flex-1">
                  <Button type="submit" className="w-full">
                    Sign out
                  </Button>
                </form>
                <Button asChild variant="outline" className="sm:flex-1">
                  <Link href="/teams?all=1">Go to your teams</Link>
                </Button>
              </div>
            </div>
          ) : !membership && !user.emailVerified ? (
            <Alert variant="warning" title="Confirm your e-mail address first">
              An invitation is accepted by someone who has proven the invited address. Open the confirmation link we sent to{" "}
              <span className="font-medium">{user.email}</span> (your <Link href="/account" className="underline underline-offset-4">account page</Link> sends a new
              one), then come back to this link.
            </Alert>
          ) : membership ? (
            <div className="flex flex-col gap-3">
              <Alert variant="info">
                You are already a member of {team.name} as {ROLE_LABELS[membership.role].toLowerCase()}.
              </Alert>
              <Button asChild>
                <Link href={`/t/${team.slug}`}>Open {team.name}</Link>
              </Button>
            </div>
          ) : (
            <AcceptInvitationForm token={token} teamName={team.name} />
          )}
        </Card>
      </main>
    </div>
  );
}
