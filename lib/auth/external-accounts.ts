// Which Cairn account an external sign-in (GitHub, Google, OIDC) opens, and when it may be
// linked to an account that already exists. A provider account is linked to an existing
// Cairn account only when both sides have proven the same address: the provider asserts the
// e-mail is verified, and the Cairn account confirmed it too. Otherwise the address could be
// claimed first on one side and taken over through the other (a pre-hijack). The person then
// signs in with their password and links the provider from the account page.
import { createUser, findUserByAccount, findUserByEmail, findUserById, linkAccount } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { clock } from "@/lib/clock";
import { ensurePersonalTeam } from "./personal-team";

export interface ExternalIdentity {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  name: string | null | undefined;
  /** The provider says it verified this e-mail address (OIDC `email_verified`, GitHub's verified flag). */
  emailVerified: boolean;
}

export type ExternalSignInRefusal =
  /** The provider shared no e-mail address. */
  | "no_email"
  /** The provider did not vouch for the address, so it cannot open or create a Cairn account by it. */
  | "unverified_email"
  /** A Cairn account has this address but it is unconfirmed: sign in with the password, then link. */
  | "link_from_account"
  /** Linking from the account page, but this provider account already belongs to someone else. */
  | "linked_elsewhere";

export type ExternalSignInOutcome = { ok: true; user: User; how: "linked" | "existing" | "created" | "linked_signed_in" } | { ok: false; reason: ExternalSignInRefusal };

/** The error code the sign-in page explains for each refusal. */
export const REFUSAL_ERROR: Record<ExternalSignInRefusal, string> = {
  no_email: "ExternalNoEmail",
  unverified_email: "ExternalUnverifiedEmail",
  link_from_account: "OAuthAccountNotLinked",
  linked_elsewhere: "ExternalLinkedElsewhere",
};

/**
 * Resolves an external sign-in to a Cairn user, linking or creating one when the rules allow.
 * `signedInUserId`: the person is already signed in (the account page's "Link" button), so
 * their session proves the Cairn side and the provider account is linked to them whatever its
 * address.
 */
export async function resolveExternalSignIn(identity: ExternalIdentity, signedInUserId?: string | null): Promise<ExternalSignInOutcome> {
  const { provider, providerAccountId } = identity;
  const linked = await findUserByAccount(provider, providerAccountId);
  if (linked) {
    if (signedInUserId && linked.id !== signedInUserId) return { ok: false, reason: "linked_elsewhere" };
    return { ok: true, user: linked, how: "linked" };
  }
  if (signedInUserId) {
    const me = await findUserById(signedInUserId);
    if (me) {
      await linkAccount({ userId: me.id, type: "oidc", provider, providerAccountId });
      return { ok: true, user: me, how: "linked_signed_in" };
    }
  }
  const email = identity.email?.trim().toLowerCase();
  if (!email) return { ok: false, reason: "no_email" };
  if (!identity.emailVerified) return { ok: false, reason: "unverified_email" };
  const existing = await findUserByEmail(email);
  if (existing) {
    if (!existing.emailVerified) return { ok: false, reason: "link_from_account" };
    await linkAccount({ userId: existing.id, type: "oidc", provider, providerAccountId });
    return { ok: true, user: existing, how: "existing" };
  }
  const user = await createUser({ email, name: identity.name ?? null, emailVerified: clock.now() });
  await linkAccount({ userId: user.id, type: "oidc", provider, providerAccountId });
  await ensurePersonalTeam(user);
  return { ok: true, user, how: "created" };
}

/** Whether the provider's profile vouches for its e-mail address. */
export function profileAssertsVerifiedEmail(profile: unknown): boolean {
  if (!profile || typeof profile !== "object" || !("email_verified" in profile)) return false;
  const flag = (profile as { email_verified: unknown }).email_verified;
  return flag === true || flag === "true";
}

export interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * The address to use from GitHub's /user/emails, and whether GitHub verified it: the public
 * profile address if it is verified, else the primary one if verified, else none verified.
 */
export function githubEmail(profileEmail: string | null | undefined, emails: GitHubEmail[]): { email: string | null; verified: boolean } {
  const verified = emails.filter((e) => e.verified);
  const chosen =
    verified.find((e) => profileEmail && e.email.toLowerCase() === profileEmail.toLowerCase()) ?? verified.find((e) => e.primary) ?? verified[0];
  if (chosen) return { email: chosen.email, verified: true };
  return { email: profileEmail ?? emails.find((e) => e.primary)?.email ?? null, verified: false };
}
