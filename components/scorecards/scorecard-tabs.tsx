"use client";
// The scorecard's sections as links (each a page of its own), marking the one that is open.
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "", label: "Editor" },
  { href: "/measurements", label: "Measurements" },
  { href: "/strategy-map", label: "Strategy map" },
  { href: "/alignment", label: "Alignment" },
  { href: "/cascade", label: "Cascade" },
  { href: "/import", label: "Import & export" },
];

export function ScorecardTabs({ base }: { base: string }) {
  // Null only under the Pages Router (the share pages), which never renders this.
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Scorecard sections" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1 border-b">
        {TABS.map((tab) => {
          const href = `${base}${tab.href}`;
          // The editor tab also covers its KPI pages (…/kpis/<id>).
          const active = tab.href === "" ? pathname === href || pathname.startsWith(`${base}/kpis/`) : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={tab.label}>
              {/* No prefetch: each live refresh would re-render the scorecard for every tab at once. */}
              <Link
                href={href}
                prefetch={false}
                aria-current={active ? "page" : undefined}
                // The open tab is styled from its aria-current, so one class list serves every tab.
                className="-mb-px inline-flex min-h-10 items-center border-b-2 border-transparent px-3 text-sm font-medium text-muted-foreground hover:text-foreground aria-[current=page]:border-primary aria-[current=page]:text-foreground"
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
