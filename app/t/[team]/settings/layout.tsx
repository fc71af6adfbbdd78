// Layout of /t/[team]/settings/* — the settings sub-navigation, listing only the pages this role can open.
import type { ReactNode } from "react";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";
import { SettingsNav } from "./settings-nav";

// Each link names the permission its page checks, so the navigation never offers a page that answers 403.
const SECTIONS: Array<{ href: string; label: string; permission: Permission }> = [
  { href: "/settings", label: "General", permission: "team.update" },
  { href: "/settings/members", label: "Members", permission: "members.read" },
  { href: "/settings/reminders", label: "Reminders", permission: "reminders.send" },
  { href: "/settings/billing", label: "Billing", permission: "billing.manage" },
  { href: "/settings/api-keys", label: "API keys", permission: "api_keys.manage" },
  { href: "/settings/sso", label: "Single sign-on", permission: "sso.manage" },
  { href: "/settings/recycle-bin", label: "Recycle bin", permission: "recycle_bin.read" },
];

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { ctx, team } = await requireTeamPage(slug);
  const items = SECTIONS.filter((s) => can(ctx.role, s.permission)).map(({ href, label }) => ({ href, label }));

  return (
    <div className="flex flex-col gap-6 md:flex-row md:gap-8">
      <SettingsNav team={team.slug} items={items} />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
