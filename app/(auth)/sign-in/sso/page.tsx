// GET /sign-in/sso — single sign-on through the identity provider of the team that verified the address's domain.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SignOnRefusal } from "@/lib/sso/sign-on";
import { safeCallbackUrl } from "../../callback-url";
import { SsoSignInForm } from "./sso-sign-in-form";

export const metadata: Metadata = { title: "Sign in with SSO" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The callback route sends people back here with ?error=<why the sign-on was refused>.
const ERRORS: Record<SignOnRefusal, string> = {
  expired: "This sign-in took too long or was already used. Start again.",
  invalid_response: "Your organisation's sign-in service gave an answer Cairn could not accept. Start again, or ask your team's admin.",
  not_available: "Single sign-on is no longer set up for this team. Sign in with your password, or ask your team's admin.",
  unverified_email: "Your organisation's sign-in service did not confirm your e-mail address, so Cairn cannot sign you in with it.",
  no_email: "Your organisation's sign-in service did not send your e-mail address, so Cairn cannot sign you in. Ask your team's admin to send it as the NameID or an email attribute.",
  domain_not_verified: "Your e-mail address is not at a domain this team has verified, so its sign-in service cannot sign you in to Cairn.",
  rate_limited: "Too many sign-in attempts. Wait a few minutes, then try again.",
};

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SsoSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const raw = one(params.callbackUrl);
  const callbackUrl = raw ? safeCallbackUrl(raw, "") || null : null;
  if (await getCurrentUser()) redirect(callbackUrl ?? "/teams");
  const code = one(params.error);
  const error = code ? (ERRORS[code as keyof typeof ERRORS] ?? "Single sign-on did not work. Please try again.") : null;

  return (
    <>
      <div className="flex flex-col gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in with SSO</h1>
        <p className="text-sm text-muted-foreground">Use your organisation&apos;s sign-in: type your work e-mail and Cairn sends you to your team&apos;s identity provider.</p>
      </div>
      {error ? <Alert variant="error">{error}</Alert> : null}
      <SsoSignInForm callbackUrl={callbackUrl} />
      <p className="text-sm text-muted-foreground">
        <Link href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"} className="font-medium text-primary underline-offset-4 hover:underline">
          Sign in with a password instead
        </Link>
      </p>
    </>
  );
}
