// WebAuthn ceremonies through @simplewebauthn/server: the relying party is this app as APP_URL
// names it (its host is the RP ID, its origin the only origin accepted), so a passkey made for
// Cairn signs for no other site and an answer made on another site is refused here.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { z } from "zod";
import type { Passkey } from "@/db/schema";
import { env, type Env } from "@/lib/env";

/** How long the browser may take over a ceremony, and how long its challenge is kept for the answer. */
export const WEBAUTHN_TIMEOUT_MS = 5 * 60_000;

export function relyingParty(e: Env = env()): { id: string; origin: string; name: string } {
  const url = new URL(e.APP_URL);
  return { id: url.hostname, origin: url.origin, name: "Cairn" };
}

// The browser's answers arrive as JSON text; only their outline is checked here, the library checks the rest.
const base64url = z.string().min(1).max(4096).regex(/^[A-Za-z0-9_-]+$/);
const registrationResponse = z.looseObject({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  clientExtensionResults: z.looseObject({}).default({}),
  response: z.looseObject({ clientDataJSON: base64url, attestationObject: base64url, transports: z.array(z.string().max(32)).max(10).optional() }),
});
const authenticationResponse = z.looseObject({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  clientExtensionResults: z.looseObject({}).default({}),
  response: z.looseObject({ clientDataJSON: base64url, authenticatorData: base64url, signature: base64url, userHandle: base64url.optional() }),
});

// One line, no answer content: an APP_URL that does not match the address people use shows up here as an origin mismatch.
function logRefusal(ceremony: "registration" | "sign-in", error: unknown): null {
  console.warn(`[passkeys] ${ceremony} answer refused: ${error instanceof Error ? error.message.split("\n")[0] : "not verified"}`);
  return null;
}

function parseJson<T>(text: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What the browser's startRegistration needs: this person, and their passkeys so one authenticator is not added twice. */
export function registrationOptions(user: { id: string; email: string; name: string | null }, existing: Pick<Passkey, "credentialId" | "transports">[]): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = relyingParty();
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    userID: new TextEncoder().encode(user.id),
    timeout: WEBAUTHN_TIMEOUT_MS,
    // No attestation: Cairn trusts any authenticator the person chooses, and asks no vendor certificate.
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
}

export type VerifiedPasskey = Pick<Passkey, "credentialId" | "publicKey" | "counter" | "transports" | "deviceType" | "backedUp">;

/**
 * The new credential, when the answer signs `expectedChallenge` for this site; null for anything
 * else (wrong challenge, origin or RP ID, malformed). The passkey is a second factor after the
 * password: presence is required, verification (PIN, fingerprint) is welcome but not required.
 */
export async function verifyRegistration(responseJson: string, expectedChallenge: string): Promise<VerifiedPasskey | null> {
  const response = parseJson(responseJson, registrationResponse) as RegistrationResponseJSON | null;
  if (!response) return null;
  const rp = relyingParty();
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    if (!result.verified) return null;
    const { credential, credentialDeviceType, credentialBackedUp } = result.registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: isoBase64URL.fromBuffer(credential.publicKey),
      counter: credential.counter,
      transports: (credential.transports ?? []).slice(0, 10),
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
    };
  } catch (error) {
    return logRefusal("registration", error);
  }
}

/** What the browser's startAuthentication needs: a challenge, and only this person's passkeys. */
export function authenticationOptions(allowed: Pick<Passkey, "credentialId" | "transports">[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials: allowed.map((p) => ({ id: p.credentialId, transports: p.transports })),
    timeout: WEBAUTHN_TIMEOUT_MS,
    userVerification: "preferred",
  });
}

/** The credential id an assertion claims to come from (to find its passkey), or null when the answer is malformed. */
export function assertionCredentialId(responseJson: string): string | null {
  return parseJson(responseJson, authenticationResponse)?.id ?? null;
}

/**
 * The passkey's new signature counter, when the answer signs `expectedChallenge` for this site
 * with this passkey's key; null otherwise. A counter that did not move past the stored one
 * (a cloned authenticator, or a replayed answer) is refused by the library.
 */
export async function verifyAssertion(responseJson: string, expectedChallenge: string, passkey: Pick<Passkey, "credentialId" | "publicKey" | "counter" | "transports">): Promise<number | null> {
  const response = parseJson(responseJson, authenticationResponse) as AuthenticationResponseJSON | null;
  if (!response) return null;
  const rp = relyingParty();
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.credentialId, publicKey: isoBase64URL.toBuffer(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
      requireUserVerification: false,
    });
    return result.verified ? result.authenticationInfo.newCounter : null;
  } catch (error) {
    return logRefusal("sign-in", error);
  }
}
