import { insertOutboxEmail, listOutboxWithLinksBefore, markOutboxEmail, redactOutboxEmail } from "@/db/queries/outbox";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";

/**
 * The one way the app sends e-mail. Every message is first written to the outbox table;
 * with SMTP_URL it is then delivered by nodemailer, without it the outbox is the delivery
 * (the development mailbox at /dev/mailbox and the tests read it). No link is ever only logged.
 *
 * The outbox keeps no usable link for longer than it has to: once a message is delivered its
 * copy loses every link that carries a secret (invitations, resets, confirmations, update and
 * share links), and an undelivered one loses them when the longest-lived of them has expired
 * (redactExpiredMailLinks, from the job loop).
 */
export interface Message {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

type Transport = { sendMail(message: Message & { from: string }): Promise<unknown> };
let transport: Promise<Transport> | undefined;
let testTransport: Transport | undefined;

async function smtpTransport(url: string): Promise<Transport> {
  const nodemailer = await import("nodemailer");
  return nodemailer.createTransport(url);
}

/** Tests stand in for an SMTP server. */
export function setMailTransportForTests(standIn: Transport | undefined): void {
  testTransport = standIn;
}

/** The app's pages whose links carry a secret: whoever holds the link can use it. */
const SECRET_LINK_PATHS = ["/invite/", "/reset-password/", "/verify-email/", "/u/", "/share/"] as const;

/**
 * Every link mailed lives at most this long: invitations and update links 7 days
 * (INVITATION_DAYS, UPDATE_LINK_TTL_DAYS), confirmations 24 hours, resets 1 hour.
 * tests/integration/outbox.test.ts checks it against those constants.
 */
export const MAILED_LINK_MAX_DAYS = 7;

export const REDACTED_LINK = "[link removed from the outbox]";

export function secretLinkPrefixes(appUrl: string = env().APP_URL): string[] {
  const base = appUrl.replace(/\/+$/, "");
  return SECRET_LINK_PATHS.map((path) => `${base}${path}`);
}

/** The text with every secret-bearing link of this app replaced by a marker; other links stay. */
export function redactSecretLinks(text: string, appUrl: string = env().APP_URL): string {
  const prefixes = secretLinkPrefixes(appUrl).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return text.replace(new RegExp(`(?:${prefixes.join("|")})[^\\s<>"']*`, "g"), REDACTED_LINK);
}

export async function sendMail(message: Message): Promise<void> {
  const to = message.to.trim().toLowerCase();
  const id = await insertOutboxEmail({ to, subject: message.subject, text: message.text, html: message.html ?? null });
  const { SMTP_URL, MAIL_FROM } = env();
  const sender = testTransport ?? (SMTP_URL ? await (transport ??= smtpTransport(SMTP_URL)) : undefined);
  if (!sender) return;
  try {
    await sender.sendMail({ ...message, to, from: MAIL_FROM });
    // Delivered: the recipient has the links now, the outbox copy keeps none.
    await markOutboxEmail(id, {
      sentAt: clock.now(),
      text: redactSecretLinks(message.text),
      html: message.html === undefined ? null : redactSecretLinks(message.html),
    });
  } catch (error) {
    // The message stays in the outbox with the reason (until its links expire); the action that sent it still succeeds.
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`[mail] delivery to ${to} failed: ${reason}`);
    await markOutboxEmail(id, { error: reason.slice(0, 500) });
  }
}

/** Removes the secret links of messages written before `now` minus MAILED_LINK_MAX_DAYS: none of them works any more. */
export async function redactExpiredMailLinks(now: Date = clock.now()): Promise<number> {
  const cutoff = new Date(now.getTime() - MAILED_LINK_MAX_DAYS * 86_400_000);
  const rows = await listOutboxWithLinksBefore(cutoff, secretLinkPrefixes());
  for (const row of rows) {
    await redactOutboxEmail(row.id, { text: redactSecretLinks(row.text), html: row.html === null ? null : redactSecretLinks(row.html) });
  }
  return rows.length;
}
