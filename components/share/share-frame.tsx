// The frame of the public share pages (Pages Router, no client runtime): never indexed, no referrer
// sent onwards (the URL carries the link's secret), no team navigation and no account menu.
import Head from "next/head";
import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { SkipLink } from "@/components/ui/skip-link";

export function ShareFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Head>
        <title>{`${title} · Cairn`}</title>
        <meta name="robots" content="noindex, nofollow, nocache" />
        <meta name="googlebot" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <meta name="theme-color" content="#0e5a5e" />
      </Head>
      <div className="flex min-h-dvh flex-col">
        <SkipLink />
        <header className="border-b bg-background" data-print-hidden>
          <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3">
            <Link href="/" aria-label="Cairn home" className="shrink-0">
              <Logo />
            </Link>
            <span className="text-sm text-muted-foreground">Read-only shared dashboard</span>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
          {children}
        </main>
      </div>
    </>
  );
}

/** The one answer for an unknown, revoked or expired link: it does not say which, so a link's state never leaks. */
export function ShareLinkNotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-3 rounded-lg border border-dashed px-4 py-12 text-center">
      <h1 className="text-xl font-semibold">This share link does not work</h1>
      <p className="max-w-md text-sm text-muted-foreground">
        The link may have been revoked, may have expired, or may be mistyped. Ask the person who shared it with you for a new one.
      </p>
      <Link href="/" className="text-sm text-primary underline-offset-4 hover:underline">
        Go to the Cairn home page
      </Link>
    </div>
  );
}
