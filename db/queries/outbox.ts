// Every e-mail the app sends. Without SMTP this table is the delivery: the dev mailbox reads it.
import { and, desc, eq, like, lt, or } from "drizzle-orm";
import { getDb } from "../client";
import { outboxEmails } from "../schema";

export async function insertOutboxEmail(values: { to: string; subject: string; text: string; html?: string | null }) {
  const [row] = await (await getDb()).insert(outboxEmails).values(values).returning({ id: outboxEmails.id });
  return row!.id;
}

export async function markOutboxEmail(id: string, result: { sentAt?: Date; error?: string; text?: string; html?: string | null }): Promise<void> {
  await (await getDb()).update(outboxEmails).set(result).where(eq(outboxEmails.id, id));
}

export async function listOutbox(options: { to?: string; limit?: number } = {}) {
  const db = await getDb();
  return db
    .select()
    .from(outboxEmails)
    .where(options.to ? eq(outboxEmails.to, options.to.toLowerCase()) : undefined)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(options.limit ?? 50);
}

const likeEscaped = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Messages written before `cutoff` whose text or HTML still holds a link starting with one of `prefixes`. */
export async function listOutboxWithLinksBefore(cutoff: Date, prefixes: string[], limit = 500) {
  const db = await getDb();
  const holdsLink = or(...prefixes.flatMap((p) => [like(outboxEmails.text, likeEscaped(p)), like(outboxEmails.html, likeEscaped(p))]));
  return db
    .select({ id: outboxEmails.id, text: outboxEmails.text, html: outboxEmails.html })
    .from(outboxEmails)
    .where(and(lt(outboxEmails.createdAt, cutoff), holdsLink))
    .limit(limit);
}

export async function redactOutboxEmail(id: string, values: { text: string; html: string | null }): Promise<void> {
  await (await getDb()).update(outboxEmails).set(values).where(eq(outboxEmails.id, id));
}
