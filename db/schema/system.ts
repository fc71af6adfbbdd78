import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clock } from "@/lib/clock";

/** Stripe event ids already handled: a redelivered event changes nothing. */
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  processedAt: timestamp("processed_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
});

/** Fixed-window counters for rate limits, in Postgres so they hold across app instances. */
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limit_buckets_reset_idx").on(t.resetAt)],
);

/** Every e-mail the app sends; without SMTP this is the only delivery (the dev mailbox reads it). */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
  },
  (t) => [index("outbox_emails_to_idx").on(t.to, t.createdAt)],
);

/** Postgres-backed jobs, claimed with FOR UPDATE SKIP LOCKED so N instances never run one twice. */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    /** Unique per logical job (e.g. "reminders:<team>:<date>"), so enqueueing twice is a no-op. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    payload: jsonb("payload").notNull().default({}),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow().$defaultFn(clock.now),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    /** The worker that claimed it last (for logs and tests: who ran it). */
    lockedBy: text("locked_by"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("jobs_due_idx").on(t.runAt)],
);
