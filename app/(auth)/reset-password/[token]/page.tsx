// GET /reset-password/[token] — the form behind an e-mailed reset link, shown only while the link is live.
import type { Metadata } from "next";
import Link from "next/link";
import { isVerificationTokenLive } from "@/db/queries/verification-tokens";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { hashToken } from "@/lib/auth/tokens";
import { PASSWORD_MIN } from "@/lib/validation/primitives";
import { ResetPasswordForm } from "./reset-password-form";

// The token is in the URL: never pass it on to another site in a Referer header.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const live = token.length <= 200 && (await isVerificationTokenLive("reset_password", hashToken(token)));

  if (!live) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">This link has expired</h1>
        <Alert variant="warning">Reset links work once and for one hour. This one was already used or is too old.</Alert>
        <Button asChild className="self-start">
          <Link href="/forgot-password">Ask for a new link</Link>
        </Button>
      </>
    );
  }
  return (
    <>
      <div className="flex flex-col gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
        <p className="text-sm text-muted-foreground">Every device signed in to your account will be signed out.</p>
      </div>
      <ResetPasswordForm token={token} passwordRule={`At least ${PASSWORD_MIN} characters. Common passwords that appear in breach lists are refused.`} />
    </>
  );
}
