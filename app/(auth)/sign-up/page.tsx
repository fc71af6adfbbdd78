// GET /sign-up — create an account; with ?invite=… the invited address is filled in and the team joined.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/current-user";
import { describeInvitation } from "@/lib/teams/invitations";
import { PASSWORD_MIN } from "@/lib/validation/primitives";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const raw = Array.isArray(params.invite) ? params.invite[0] : params.invite;
  const invite = raw && raw.length <= 200 ? raw : undefined;
  if (await getCurrentUser()) redirect(invite ? `/invite/${encodeURIComponent(invite)}` : "/teams");
  const invitation = invite ? await describeInvitation(invite) : null;

  return (
    <>
      <div className="flex flex-col gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Create your Cairn account</h1>
        <p className="text-sm text-muted-foreground">
          {invitation
            ? `You were invited to join ${invitation.team.name}. Sign up with ${invitation.invitation.email}: the invitation was mailed there, so this confirms the address and spends the invitation.`
            : "Free for up to three editors. Viewers are always free."}
        </p>
      </div>
      {invite && !invitation ? (
        <Alert variant="warning">This invitation is no longer valid. You can still create an account; ask for a new invitation to join the team.</Alert>
      ) : null}
      <SignUpForm
        invite={invitation ? invite : undefined}
        invitedEmail={invitation?.invitation.email}
        passwordRule={`At least ${PASSWORD_MIN} characters. Common passwords that appear in breach lists are refused.`}
      />
      <p className="text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
