// GET /u/[token] — the minimal form behind an update link from a reminder e-mail: one KPI, one
// period, no sign-in. Opening it changes nothing; a reused, expired or tampered link gets a page
// that says so.
import type { Metadata } from "next";
import Link from "next/link";
import { Clock, Link2Off, CircleCheck, Ban } from "lucide-react";
import type { ReactNode } from "react";
import { UpdateLinkForm } from "@/components/update-loop/update-link-form";
import { inspectUpdateLink } from "@/lib/update-loop/use-update-link";
import { submitUpdateLinkAction } from "./actions";

export const metadata: Metadata = { title: "Enter a value" };

function Notice({ icon, title, children, testId }: { icon: ReactNode; title: string; children: ReactNode; testId: string }) {
  return (
    <section aria-labelledby="notice-heading" className="flex flex-col gap-4" data-testid={testId}>
      <h1 id="notice-heading" className="flex items-center gap-2 text-2xl font-semibold">
        <span aria-hidden="true" className="text-muted-foreground [&_svg]:size-6">
          {icon}
        </span>
        {title}
      </h1>
      <div className="flex flex-col gap-3 text-sm">{children}</div>
    </section>
  );
}

const signIn = (slug: string | null) => `/sign-in?callbackUrl=${encodeURIComponent(slug ? `/t/${slug}/my-updates` : "/")}`;

export default async function UpdateLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await inspectUpdateLink(token);
  const signInLink = (slug: string | null, label = "Sign in to enter your values") => (
    <Link href={signIn(slug)} className="font-medium text-primary underline underline-offset-4">
      {label}
    </Link>
  );

  switch (link.state) {
    case "open":
      return <UpdateLinkForm token={token} form={link.form} action={submitUpdateLinkAction} />;
    case "invalid":
      return (
        <Notice icon={<Link2Off />} title="This link is not valid" testId="update-link-invalid">
          <p>It may have been cut short or changed on its way to you. Nothing was changed.</p>
          <p>Open the whole link from the reminder e-mail, or {signInLink(null, "sign in to Cairn")} to enter your values there.</p>
        </Notice>
      );
    case "expired":
      return (
        <Notice icon={<Clock />} title="This link has expired" testId="update-link-expired">
          <p>
            It was for {link.what} and expired on {link.expiredOn}. Nothing was changed.
          </p>
          <p>{signInLink(link.teamSlug)} on your My updates page.</p>
        </Notice>
      );
    case "used":
      return (
        <Notice icon={<CircleCheck />} title="This link has already been used" testId="update-link-used">
          <p>
            It entered {link.what} on {link.usedAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Each link works once; nothing was changed now.
          </p>
          <p>To change the value, {signInLink(link.teamSlug, "sign in to Cairn")}.</p>
        </Notice>
      );
    case "refused":
      return (
        <Notice icon={<Ban />} title="This value cannot be entered from this link" testId="update-link-refused">
          <p>{link.message}</p>
          <p>{signInLink(link.teamSlug, "Sign in to Cairn")} to see what is due.</p>
        </Notice>
      );
  }
}
