// Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps, the settings every
// authenticator app reads from an otpauth:// URI), through otplib, on the app's clock.
import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { clock } from "@/lib/clock";

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side of now: a phone whose clock is a little off, or a code typed as it changes. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

const nowSeconds = () => Math.floor(clock.nowMs() / 1000);

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: "Cairn", label: accountName, secret });
}

/** The enrolment QR code as an SVG document (rendered on the server, no script needed). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/**
 * The time step `code` belongs to, within one step of now and after `afterStep` (the last step
 * accepted for this secret), or null. The caller records the step so the code works only once.
 */
export async function matchTotpStep(secret: string, code: string, afterStep: number): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({ secret, token: code, epoch: nowSeconds(), epochTolerance: TOLERANCE_SECONDS, afterTimeStep: afterStep > 0 ? afterStep : undefined });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The code for `secret` at `epochSeconds` (tests and the e2e compute what an authenticator app would show). */
export function totpCodeAt(secret: string, epochSeconds: number): Promise<string> {
  return generate({ secret, epoch: epochSeconds });
}
