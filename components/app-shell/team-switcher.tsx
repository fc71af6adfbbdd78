// Switch between the teams a person belongs to, or create another. Rendered on the server; only
// the open/close of the menu runs in the browser (HeaderMenu).
import Link from "next/link";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { HeaderMenu, headerMenuItemClass } from "./header-menu";

export function TeamSwitcher({ current, teams }: { current: { slug: string; name: string }; teams: Array<{ slug: string; name: string; role: string }> }) {
  return (
    <HeaderMenu
      label={`Team: ${current.name}. Switch team`}
      triggerClassName={`${buttonVariants({ variant: "ghost" })} max-w-[14rem] justify-between gap-2 px-2`}
      trigger={
        <>
          <span className="truncate font-semibold">{current.name}</span>
          <ChevronsUpDown aria-hidden="true" />
        </>
      }
    >
      <nav aria-label="Switch team">
        <p className="px-2 py-1.5 text-sm font-semibold">Your teams</p>
        <ul>
          {teams.map((team) => (
            <li key={team.slug}>
              <Link href={`/t/${team.slug}`} className={headerMenuItemClass} aria-current={team.slug === current.slug ? "true" : undefined}>
                <span className="flex-1 truncate">{team.name}</span>
                {team.slug === current.slug ? <Check aria-label="current team" /> : <span className="text-xs text-muted-foreground">{team.role}</span>}
              </Link>
            </li>
          ))}
        </ul>
        <hr className="-mx-1 my-1 border-border" />
        <Link href="/teams?all=1" className={headerMenuItemClass}>
          <Plus aria-hidden="true" /> Create or join a team
        </Link>
      </nav>
    </HeaderMenu>
  );
}
