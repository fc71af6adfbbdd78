// The signed-in person's menu: account settings and sign out. Rendered on the server; only the
// open/close of the menu runs in the browser (HeaderMenu).
import Link from "next/link";
import { LogOut, UserRound } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { HeaderMenu, headerMenuItemClass } from "./header-menu";

export function UserMenu({ name, email, role, signOut }: { name: string; email: string; role: string; signOut: () => Promise<void> }) {
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <HeaderMenu
      label={`Account menu for ${name}`}
      align="end"
      triggerClassName={`${buttonVariants({ variant: "ghost", size: "icon" })} rounded-full`}
      trigger={
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-secondary text-xs font-semibold text-secondary-foreground">
          {initials || <UserRound />}
        </span>
      }
    >
      <div className="px-2 py-1.5 text-sm font-semibold">
        <span className="block truncate">{name}</span>
        <span className="block truncate text-xs font-normal text-muted-foreground">{email}</span>
        <span className="block text-xs font-normal text-muted-foreground">Role: {role}</span>
      </div>
      <hr className="-mx-1 my-1 border-border" />
      <Link href="/account" className={headerMenuItemClass}>
        <UserRound aria-hidden="true" /> Account
      </Link>
      <form action={signOut}>
        <button type="submit" className={headerMenuItemClass}>
          <LogOut aria-hidden="true" /> Sign out
        </button>
      </form>
    </HeaderMenu>
  );
}
