import { insertOutboxEmail, markOutboxEmail } from "@/db/queries/outbox";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";

/**
 * The one way the app sends e-mail. Every message is first written to the outbox table;
 * with SMTP_URL it is then delivered by nodemailer, without it the outbox is the delivery
 * (the development mailbox at /dev/mailbox and the tests read it). No link is ever only logged.
 */
export interface Message {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

type Transport = { sendMail(message: Message & { from: string }): Promise<unknown> };
let transport: Promise<Transport> | undefined;

async function smtpTransport(url: string): Promise<Transport> {
  const nodemailer = await import("nodemailer");
  return nodemailer.createTransport(url);
}

export async function sendMail(message: Message): Promise<void> {
  const to = message.to.trim().toLowerCase();
  const id = await insertOutboxEmail({ to, subject: message.subject, text: message.text, html: message.html ?? null });
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return;
  transport ??= smtpTransport(SMTP_URL);
  try {
    await (await transport).sendMail({ ...message, to, from: MAIL_FROM });
    await markOutboxEmail(id, { sentAt: clock.now() });
  } catch (error) {
    // The message stays in the outbox with the reason; the action that sent it still succeeds.
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`[mail] delivery to ${to} failed: ${reason}`);
    await markOutboxEmail(id, { error: reason.slice(0, 500) });
  }
}
