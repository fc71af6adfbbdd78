// GET /sign-in — e-mail and password, plus the configured single sign-on buttons.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { externalProviders } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/current-user";
import { externalSignInAction } from "../actions";
import { safeCallbackUrl } from "../callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Auth.js sends people back here with ?error=… (and ?code=… for a refused credentials sign-in).
function errorNotice(error: string | undefined, code: string | undefined): string | null {
  if (!error) return null;
  if (code === "rate_limited") return "Too many attempts. Wait a few minutes, then try again.";
  if (code === "sso_required" || error === "SsoRequired") return "Your organisation requires single sign-on — use Sign in with SSO.";
  if (code === "second_factor") return "This account uses two-factor sign-in: sign in on this page to enter your code.";
  if (error === "CredentialsSignin") return "E-mail or password is incorrect.";
  if (error === "OAuthAccountNotLinked") return "This e-mail address already has an account that is not confirmed yet: sign in with its password, then link the provider on your account page.";
  if (error === "ExternalUnverifiedEmail") return "The provider has not verified this e-mail address: verify it there first, or sign in with your password.";
  if (error === "ExternalNoEmail") return "The provider did not share an e-mail address.";
  if (error === "ExternalLinkedElsewhere") return "This provider account is already linked to another Cairn account.";
  if (error === "AccessDenied") return "Sign-in was cancelled or refused.";
  return "Sign-in did not work. Please try again.";
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(one(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackUrl);
  const providers = externalProviders();
  const error = errorNotice(one(params.error), one(params.code));

  return (
    <>
      <div className="flex flex-col gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Cairn</h1>
        <p className="text-sm text-muted-foreground">Welcome back. Use the e-mail address of your account.</p>
      </div>
      {one(params.reset) === "1" ? <Alert variant="success">Password changed, sign in with your new password.</Alert> : null}
      {one(params["signed-up"]) === "1" ? (
        <Alert variant="success">Thank you. We sent an e-mail to the address you gave: it says how to go on. You can sign in with that address and your password.</Alert>
      ) : null}
      {one(params.created) === "1" ? <Alert variant="success">Your account is ready: sign in to continue.</Alert> : null}
      {error ? <Alert variant="error">{error}</Alert> : null}
      <SignInForm callbackUrl={callbackUrl} />
      <Button asChild variant="outline" className="w-full">
        <Link href={one(params.callbackUrl) ? `/sign-in/sso?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in/sso"}>Sign in with SSO</Link>
      </Button>
      {providers.length > 0 ? (
        <section aria-labelledby="sso-heading" className="flex flex-col gap-3">
          <h2 id="sso-heading" className="flex items-center gap-3 text-sm text-muted-foreground before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border">
            or continue with
          </h2>
          {providers.map((provider) => (
            <form key={provider.id} action={externalSignInAction}>
              <input type="hidden" name="provider" value={provider.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <Button type="submit" variant="outline" className="w-full">
                {provider.name}
              </Button>
            </form>
          ))}
        </section>
      ) : null}
      <p className="text-sm text-muted-foreground">
        New to Cairn?{" "}
        <Link href="/sign-up" className="font-medium text-primary underline-offset-4 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
