// Frame of update-link pages (/u/…): no team navigation, never indexed, and no referrer sent
// onwards — the URL is the credential for one value.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { SkipLink } from "@/components/ui/skip-link";

export const metadata: Metadata = {
  title: "Enter a value",
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: "no-referrer",
};

export default function UpdateLinkLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <header className="border-b bg-background">
        <div className="mx-auto flex max-w-2xl items-center gap-3 px-4 py-3">
          <Link href="/" aria-label="Cairn home" className="shrink-0">
            <Logo />
          </Link>
          <span className="text-sm text-muted-foreground">Update one KPI</span>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
