"use client";
// The settings sub-navigation: a row that scrolls on phones, a column beside the page on wider screens.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export function SettingsNav({ team, items }: { team: string; items: Array<{ href: string; label: string }> }) {
  // Null only under the Pages Router (the share pages), which never renders this.
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Settings" className="-mx-4 shrink-0 overflow-x-auto px-4 md:mx-0 md:w-48 md:px-0">
      <ul className="flex min-w-max gap-1 md:min-w-0 md:flex-col">
        {items.map((item) => {
          const href = `/t/${team}${item.href}`;
          // "General" is the settings root: it is current only on its own page, not on every sub-page.
          const active = item.href === "/settings" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={item.href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex h-10 items-center rounded-md px-3 text-sm font-medium hover:bg-accent hover:text-foreground",
                  active ? "bg-secondary text-secondary-foreground" : "text-muted-foreground",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
