// Every e-mail the app sends. Without SMTP this table is the delivery: the dev mailbox reads it.
import { desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { outboxEmails } from "../schema";

export async function insertOutboxEmail(values: { to: string; subject: string; text: string; html?: string | null }) {
  const [row] = await (await getDb()).insert(outboxEmails).values(values).returning({ id: outboxEmails.id });
  return row!.id;
}

export async function markOutboxEmail(id: string, result: { sentAt?: Date; error?: string }): Promise<void> {
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
