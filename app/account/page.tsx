// GET /account — the signed-in person: name, e-mail and its confirmation, two-factor sign-in and passkeys, password, sign-out.
import type { Metadata } from "next";
import Link from "next/link";
import { findUserById, listLinkedProviders } from "@/db/queries/users";
import { Logo } from "@/components/brand/logo";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { externalProviders } from "@/lib/auth/auth";
import { passkeysOf } from "@/lib/auth/passkeys";
import { requireUser } from "@/lib/auth/team-context";
import { RECENT_SIGN_IN_MINUTES, twoFactorStatus } from "@/lib/auth/two-factor";
import { clock } from "@/lib/clock";
import { PASSWORD_MIN } from "@/lib/validation/primitives";
import { externalSignInAction, signOutAction } from "../(auth)/actions";
import { ChangePasswordForm } from "./change-password-form";
import { NameForm } from "./name-form";
import { PasskeysSection, type PasskeysView } from "./passkeys-section";
import { ResendVerificationForm } from "./resend-verification-form";
import { TwoFactorSection, type TwoFactorView } from "./two-factor-section";

export const metadata: Metadata = { title: "Your account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The account has no time zone of its own: instants are shown in UTC, and say so.
const instant = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const formatInstant = (date: Date) => `${instant.format(date)} UTC`;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/account");
  const { requiredBy } = await searchParams;
  const [status, passkeyList] = await Promise.all([twoFactorStatus(user), passkeysOf(user.id)]);
  const twoFactor: TwoFactorView = {
    enabled: status.enabled,
    pending: status.pending ? { secret: status.pending.secret, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(status.pending.qrSvg).toString("base64")}` } : null,
    recoveryCodesLeft: status.recoveryCodesLeft,
    recentSignIn: Boolean(user.signedInAt && clock.nowMs() - user.signedInAt.getTime() <= RECENT_SIGN_IN_MINUTES * 60_000),
    recentMinutes: RECENT_SIGN_IN_MINUTES,
    passkeys: passkeyList.length,
  };
  const passkeys: PasskeysView = {
    passkeys: passkeyList.map((p) => ({ id: p.id, name: p.name, added: formatInstant(p.createdAt), lastUsed: p.lastUsedAt ? formatInstant(p.lastUsedAt) : null, synced: p.synced })),
    totpEnabled: status.enabled,
    recentSignIn: twoFactor.recentSignIn,
    recentMinutes: RECENT_SIGN_IN_MINUTES,
  };
  const hasPassword = Boolean((await findUserById(user.id))?.passwordHash);
  const providers = externalProviders();
  const linked = providers.length > 0 ? new Set(await listLinkedProviders(user.id)) : new Set<string>();

  return (
    <div className="min-h-dvh bg-muted">
      <header className="border-b bg-background">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/teams" aria-label="Cairn: your teams" className="rounded-md p-1">
            <Logo className="text-lg" />
          </Link>
          <form action={signOutAction}>
            <Button type="submit" variant="outline">
              Sign out
            </Button>
          </form>
        </div>
      </header>
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8">
        <PageHeader title="Your account" description="How you sign in to Cairn, in every team you belong to." />

        <Card>
          <CardHeader>
            <CardTitle as="h2">Profile</CardTitle>
            <CardDescription>Your name is what your teammates see next to your changes.</CardDescription>
          </CardHeader>
          <CardContent>
            <NameForm name={user.name ?? ""} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle as="h2">E-mail address</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium break-all">{user.email}</span>
              {user.emailVerified ? <Badge variant="secondary">Confirmed</Badge> : <Badge variant="outline">Not confirmed yet</Badge>}
            </p>
            {user.emailVerified ? null : (
              <>
                <p className="text-sm text-muted-foreground">We sent you a link when you signed up. It may be in your spam folder.</p>
                <ResendVerificationForm />
              </>
            )}
          </CardContent>
        </Card>

        {providers.length > 0 ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Sign-in providers</CardTitle>
              <CardDescription>Link a provider here to sign in with it too. It is linked to this account whatever address it uses.</CardDescription>
            </CardHeader>
            <CardContent>
              <ul className="flex flex-col gap-2">
                {providers.map((provider) => (
                  <li key={provider.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                    <span className="font-medium">{provider.name}</span>
                    {linked.has(provider.id) ? (
                      <Badge variant="secondary">Linked</Badge>
                    ) : (
                      <form action={externalSignInAction}>
                        <input type="hidden" name="provider" value={provider.id} />
                        <input type="hidden" name="callbackUrl" value="/account" />
                        <Button type="submit" variant="outline">
                          Link {provider.name}
                        </Button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ) : null}

        <Card id="two-factor">
          <CardHeader>
            <CardTitle as="h2">Two-factor sign-in</CardTitle>
            <CardDescription>A code from an authenticator app on your phone, asked for after your password or provider.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {typeof requiredBy === "string" && !user.twoFactorEnabled ? (
              <Alert variant="warning">The team {requiredBy.slice(0, 100)} requires two-factor sign-in: set up an authenticator app here, or add a passkey below, to open its pages.</Alert>
            ) : null}
            <TwoFactorSection view={twoFactor} />
          </CardContent>
        </Card>

        <Card id="passkeys">
          <CardHeader>
            <CardTitle as="h2">Passkeys</CardTitle>
            <CardDescription>Your fingerprint, face, device PIN or a security key, asked for after your password or provider, instead of a code.</CardDescription>
          </CardHeader>
          <CardContent>
            <PasskeysSection view={passkeys} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle as="h2">{hasPassword ? "Change password" : "Set a password"}</CardTitle>
            <CardDescription>Every other device signed in to your account will be signed out.</CardDescription>
          </CardHeader>
          <CardContent>
            <ChangePasswordForm
              email={user.email}
              hasPassword={hasPassword}
              passwordRule={`At least ${PASSWORD_MIN} characters. Common passwords that appear in breach lists are refused.`}
            />
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
