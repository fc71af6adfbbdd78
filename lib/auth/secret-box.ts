// Sealing secrets the app must read back (authenticator secrets): AES-256-GCM, a fresh 96-bit
// IV per value, the auth tag checked on open. Hashes are for secrets we only compare; this is
// for the few we must use.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env, type Env } from "@/lib/env";
import { authSecret } from "./session-cookie";

const FORMAT = "v1";

function deriveKey(material: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", material, "cairn-secret-box", `cairn:${purpose}`, 32));
}

/** The key that seals new values first, then the AUTH_SECRET-derived one (values sealed before CAIRN_ENCRYPTION_KEY was set). */
function keys(purpose: string, e: Env = env()): Buffer[] {
  const derived = deriveKey(authSecret(), purpose);
  return e.CAIRN_ENCRYPTION_KEY ? [deriveKey(e.CAIRN_ENCRYPTION_KEY, purpose), derived] : [derived];
}

/** `purpose` binds the value to its use: a value sealed for one purpose does not open as another. */
export function seal(plaintext: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys(purpose)[0]!, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [FORMAT, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The plaintext, or null when the value was tampered with or sealed under a key we no longer have. */
export function open(sealed: string, purpose: string): string | null {
  const [format, iv, tag, body] = sealed.split(".");
  if (format !== FORMAT || !iv || !tag || body === undefined) return null;
  for (const key of keys(purpose)) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      // Wrong key or altered value: try the next key.
    }
  }
  return null;
}
