"use client";
// The tenant app's main navigation; highlights the section the person is in.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ team, items }: { team: string; items: Array<{ href: string; label: string }> }) {
  // Null only under the Pages Router (the share pages), which never renders this.
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Main" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1">
        {items.map((item) => {
          const href = `/t/${team}${item.href}`;
          const active = item.href === "" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={item.href}>
              <Link
                href={href}
                // A live refresh clears the prefetch cache; re-prefetching every tab would queue ahead of it.
                prefetch={false}
                aria-current={active ? "page" : undefined}
                className={`inline-flex h-10 items-center rounded-md px-3 text-sm font-medium hover:bg-accent hover:text-foreground ${active ? "bg-secondary text-secondary-foreground" : "text-muted-foreground"}`}
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
