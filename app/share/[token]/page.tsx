// GET /share/[token] — the public, read-only copy of one dashboard behind a share link (counts the view).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PrintButton } from "@/components/dashboard/print-button";
import { SharedKpiCards } from "@/components/dashboard/shared-kpi-cards";
import { openSharedDashboard } from "@/lib/sharing/shared-dashboard";

export const metadata: Metadata = {
  title: "Shared dashboard",
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: "no-referrer",
};

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Once per request, so one visit is one counted view however many times the page reads it.
const openOnce = cache((token: string, search: string) => openSharedDashboard(token, Object.fromEntries(new URLSearchParams(search))));

export default async function SharedDashboardPage({ params, searchParams }: Props) {
  const { token } = await params;
  const search = new URLSearchParams(Object.entries(await searchParams).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? (v[0] ?? "") : v]]))).toString();
  const shared = await openOnce(token, search);
  if (!shared) notFound();

  return (
    <DashboardView
      model={shared.model}
      basePath={`/share/${encodeURIComponent(token)}`}
      cards={(source) => <SharedKpiCards source={source} />}
      eyebrow={<p className="text-sm font-medium text-muted-foreground">Shared by {shared.teamName}</p>}
      actions={<PrintButton />}
    />
  );
}
