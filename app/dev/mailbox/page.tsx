// GET /dev/mailbox — development only: every e-mail the app sent (the outbox), newest first, links clickable.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Fragment } from "react";
import { listOutbox } from "@/db/queries/outbox";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { devToolsEnabled } from "@/lib/env";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** Plain text with its http(s) links as anchors; nothing else becomes markup. */
function Linkified({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} className="break-all text-primary underline underline-offset-4">
        {part}
      </a>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  // Decided per request, never at build time: the outbox holds live sign-in links.
  await connection();
  if (!devToolsEnabled()) notFound();
  const to = (await searchParams).to;
  const messages = await listOutbox({ to: typeof to === "string" && to ? to : undefined, limit: 100 });

  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <PageHeader
        title="Dev mailbox"
        description="E-mails the app sent, newest first. Without SMTP_URL this is their only delivery. Never enabled in production."
      />
      {messages.length === 0 ? (
        <EmptyState title="No e-mails yet" description="Sign up, ask for a password reset or invite someone: the message appears here." />
      ) : (
        <ol className="flex flex-col gap-4">
          {messages.map((message) => (
            <li key={message.id}>
              <article aria-labelledby={`mail-${message.id}`} className="rounded-lg border bg-card p-4 sm:p-6">
                <h2 id={`mail-${message.id}`} className="font-semibold">
                  {message.subject}
                </h2>
                <p className="mt-1 text-sm text-muted-foreground">
                  To <span className="font-medium text-foreground">{message.to}</span> ·{" "}
                  <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toISOString().slice(0, 19).replace("T", " ")} UTC</time>
                  {message.sentAt ? " · delivered by SMTP" : null}
                  {message.error ? ` · delivery failed: ${message.error}` : null}
                </p>
                <div className="mt-3 text-sm whitespace-pre-wrap break-words">
                  <Linkified text={message.text} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
