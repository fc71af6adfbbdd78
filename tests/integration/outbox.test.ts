// The outbox keeps no usable link: a delivered message's copy loses its secret links at once, an
// undelivered one (the dev mailbox's only delivery) when the longest-lived mailed link has expired.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { MAILED_LINK_MAX_DAYS, REDACTED_LINK, redactExpiredMailLinks, sendMail, setMailTransportForTests, type Message } from "@/lib/mail/mailer";
import { invitationMessage, resetPasswordMessage } from "@/lib/mail/templates";
import { INVITATION_DAYS } from "@/lib/teams/invitations";
import { UPDATE_LINK_TTL_DAYS } from "@/lib/update-loop/update-link";

const SECRET = "s3cr3t-token-value-0123456789abcdefghij";
let n = 0;
const address = () => `outbox-${++n}-${Math.random().toString(36).slice(2, 8)}@example.test`;

async function stored(to: string) {
  const db = await getDb();
  return (await db.select().from(outboxEmails).where(eq(outboxEmails.to, to)))[0]!;
}

afterEach(() => setMailTransportForTests(undefined));

describe("the outbox", () => {
  it("drops the secret links from a message once SMTP has delivered it; the recipient got them", async () => {
    const delivered: Message[] = [];
    setMailTransportForTests({ sendMail: async (m) => void delivered.push(m) });
    const to = address();
    const link = `${env().APP_URL}/reset-password/${SECRET}`;
    await sendMail(resetPasswordMessage(to, link));

    expect(delivered[0]!.text).toContain(link);
    const row = await stored(to);
    expect(row.sentAt).not.toBeNull();
    expect(row.text).not.toContain(SECRET);
    expect(row.html).not.toContain(SECRET);
    expect(row.text).toContain(REDACTED_LINK);
    expect(row.subject).toBe("Reset your Cairn password");
  });

  it("keeps an undelivered message's links while they may work, then drops them; other links stay", async () => {
    const to = address();
    const invite = `${env().APP_URL}/invite/${crypto.randomUUID()}.${SECRET}`;
    await sendMail({ ...invitationMessage(to, "Ann", "Acme", "viewer", invite), text: `Join: ${invite}\nSign in: ${env().APP_URL}/sign-in` });
    expect((await stored(to)).text).toContain(SECRET);

    await redactExpiredMailLinks(new Date(clock.nowMs() + (MAILED_LINK_MAX_DAYS - 1) * 86_400_000));
    expect((await stored(to)).text).toContain(SECRET);

    expect(await redactExpiredMailLinks(new Date(clock.nowMs() + (MAILED_LINK_MAX_DAYS + 1) * 86_400_000))).toBeGreaterThan(0);
    const row = await stored(to);
    expect(row.text).not.toContain(SECRET);
    expect(row.html ?? "").not.toContain(SECRET);
    expect(row.text).toContain(`${env().APP_URL}/sign-in`);
    // Done once: nothing is left to redact.
    expect(await redactExpiredMailLinks(new Date(clock.nowMs() + (MAILED_LINK_MAX_DAYS + 1) * 86_400_000))).toBe(0);
  });

  it("keeps a failed delivery's links until they expire, like any undelivered message", async () => {
    setMailTransportForTests({ sendMail: async () => Promise.reject(new Error("connection refused")) });
    const to = address();
    await sendMail(resetPasswordMessage(to, `${env().APP_URL}/reset-password/${SECRET}`));
    expect(await stored(to)).toMatchObject({ sentAt: null, error: "connection refused", text: expect.stringContaining(SECRET) });
  });

  it("waits no shorter than the longest-lived mailed link", () => {
    expect(MAILED_LINK_MAX_DAYS).toBeGreaterThanOrEqual(Math.max(INVITATION_DAYS, UPDATE_LINK_TTL_DAYS, 1));
  });
});
