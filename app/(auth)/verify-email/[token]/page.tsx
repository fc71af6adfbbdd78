// GET /verify-email/[token] — shows a button that confirms the address; opening the link alone changes nothing.
import type { Metadata } from "next";
import Link from "next/link";
import { isVerificationTokenLive } from "@/db/queries/verification-tokens";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hashToken } from "@/lib/auth/tokens";
import { VerifyEmailForm } from "./verify-email-form";

export const metadata: Metadata = { title: "Confirm your e-mail", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const live = token.length <= 200 && (await isVerificationTokenLive("verify_email", hashToken(token)));

  if (!live && (await getCurrentUser())?.emailVerified) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">Your e-mail address is confirmed</h1>
        <Button asChild className="self-start">
          <Link href="/teams">Continue to Cairn</Link>
        </Button>
      </>
    );
  }
  if (!live) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">This link is no longer valid</h1>
        <Alert variant="warning">Confirmation links work once and for 24 hours. This one was already used or is too old.</Alert>
        <p className="text-sm text-muted-foreground">Signed in? Your account page can send a new link.</p>
        <Button asChild className="self-start">
          <Link href="/account">Go to my account</Link>
        </Button>
      </>
    );
  }
  return (
    <>
      <div className="flex flex-col gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Confirm your e-mail address</h1>
        <p className="text-sm text-muted-foreground">One click to confirm that this address is yours.</p>
      </div>
      <VerifyEmailForm token={token} />
    </>
  );
}
