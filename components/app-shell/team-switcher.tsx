"use client";
// Switch between the teams a person belongs to, or create another.
import Link from "next/link";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

export function TeamSwitcher({ current, teams }: { current: { slug: string; name: string }; teams: Array<{ slug: string; name: string; role: string }> }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="max-w-[14rem] justify-between gap-2 px-2" aria-label={`Team: ${current.name}. Switch team`}>
          <span className="truncate font-semibold">{current.name}</span>
          <ChevronsUpDown aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-[14rem]">
        <DropdownMenuLabel>Your teams</DropdownMenuLabel>
        {teams.map((team) => (
          <DropdownMenuItem key={team.slug} asChild>
            <Link href={`/t/${team.slug}`} aria-current={team.slug === current.slug ? "true" : undefined}>
              <span className="flex-1 truncate">{team.name}</span>
              {team.slug === current.slug ? <Check aria-label="current team" /> : <span className="text-xs text-muted-foreground">{team.role}</span>}
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/teams?all=1">
            <Plus aria-hidden="true" /> Create or join a team
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
