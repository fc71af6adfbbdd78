// GET /sign-in/two-factor — the second step of a sign-in for an account with two-factor on.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { readChallengeCookie } from "@/lib/auth/challenge-cookie";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "../../callback-url";
import { SecondFactorForm } from "./second-factor-form";

export const metadata: Metadata = { title: "Two-factor sign-in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SecondFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  // Only after a right first step; the cookie's token is checked when the code is sent.
  if (!(await readChallengeCookie())) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);

  return (
    <>
      <div className="flex flex-col gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Two-factor sign-in</h1>
        <p className="text-sm text-muted-foreground">Open your authenticator app and type the 6-digit code it shows for Cairn. Lost your phone? Use one of your recovery codes.</p>
      </div>
      <SecondFactorForm callbackUrl={callbackUrl} />
      <p className="text-sm text-muted-foreground">
        <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
          Start over
        </Link>
      </p>
    </>
  );
}
