// GET /sign-in/two-factor — the second step of a sign-in for an account with two-factor on: a code, a passkey, or either.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { readChallengeCookie } from "@/lib/auth/challenge-cookie";
import { getCurrentUser } from "@/lib/auth/current-user";
import { pendingSignInFactors } from "@/lib/auth/two-factor";
import { safeCallbackUrl } from "../../callback-url";
import { PasskeySignInButton } from "./passkey-sign-in-button";
import { SecondFactorForm } from "./second-factor-form";

export const metadata: Metadata = { title: "Two-factor sign-in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SecondFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  // Only after a right first step, while it lasts; the cookie's token is checked again when the answer is sent.
  const token = await readChallengeCookie();
  const factors = token ? await pendingSignInFactors(token) : null;
  if (!factors) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);

  return (
    <>
      <div className="flex flex-col gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Two-factor sign-in</h1>
        <p className="text-sm text-muted-foreground">
          {factors.passkey && factors.code
            ? "Use one of your passkeys, or type the 6-digit code your authenticator app shows for Cairn. Lost your phone? Use one of your recovery codes."
            : factors.passkey
              ? "Use one of your passkeys: your fingerprint, face, device PIN or security key."
              : "Open your authenticator app and type the 6-digit code it shows for Cairn. Lost your phone? Use one of your recovery codes."}
        </p>
      </div>
      {factors.passkey ? <PasskeySignInButton callbackUrl={callbackUrl} /> : null}
      {factors.passkey && factors.code ? (
        <p className="text-center text-sm text-muted-foreground" aria-hidden="true">
          or
        </p>
      ) : null}
      {factors.code ? <SecondFactorForm callbackUrl={callbackUrl} /> : null}
      <p className="text-sm text-muted-foreground">
        <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
          Start over
        </Link>
      </p>
    </>
  );
}
