/**
 * Who may do what, in one table. The server decides with `can`; the UI uses the same table
 * only to hide controls a role cannot use.
 */
export const ROLES = ["owner", "admin", "editor", "viewer", "contributor"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { owner: 4, admin: 3, editor: 2, viewer: 1, contributor: 0 };

/**
 * Contributors are free, like viewers: they see the scorecards they may see and enter the
 * values, red-reasons and comments of the KPIs they own or are assigned, nothing else.
 */
const ANY: readonly Role[] = ["owner", "admin", "editor", "viewer", "contributor"];
const MEMBERS: readonly Role[] = ["owner", "admin", "editor", "viewer"];
const EDITORS: readonly Role[] = ["owner", "admin", "editor"];
const ADMINS: readonly Role[] = ["owner", "admin"];
const OWNERS: readonly Role[] = ["owner"];

export const PERMISSIONS = {
  "team.read": ANY,
  "team.update": ADMINS,
  "team.delete": OWNERS,
  "team.leave": ANY,
  "members.read": MEMBERS,
  "members.invite": ADMINS,
  "members.update_role": ADMINS,
  "members.remove": ADMINS,
  "members.transfer_ownership": OWNERS,
  "journeys.read": MEMBERS,
  "journeys.write": EDITORS,
  "journeys.delete": ADMINS,
  "scorecards.read": ANY,
  "scorecards.write": EDITORS,
  "scorecards.delete": ADMINS,
  /** Values of any KPI the scorecard lets you edit. */
  "measurements.write": EDITORS,
  /**
   * Values, red-reasons of the KPIs you own or are assigned (checked per KPI): how viewers and
   * contributors answer their reminders. Holders of `measurements.write` pass it for any KPI.
   */
  "measurements.write_own": ANY,
  "comments.write": ANY,
  /** A member's own notification settings (the daily digest): nobody else's, whatever the role. */
  "notifications.preferences": ANY,
  "share_links.manage": EDITORS,
  "api_keys.manage": ADMINS,
  "billing.manage": ADMINS,
  /** The team's single sign-on: its identity provider, its verified domains, its requirement. */
  "sso.manage": ADMINS,
  "activity.read": MEMBERS,
  "reminders.send": ADMINS,
  /** The recycle bin: editors see and restore what was deleted; only admins destroy it for good. */
  "recycle_bin.read": EDITORS,
  "recycle_bin.restore": EDITORS,
  "recycle_bin.purge": ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Owners, admins and editors take a paid seat; viewers and contributors are free. */
export function takesSeat(role: Role): boolean {
  return RANK[role] >= RANK.editor;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `actor` may hand out or take away `target` (nobody manages a role above their own). */
export function outranksOrEquals(actor: Role, target: Role): boolean {
  return RANK[actor] >= RANK[target];
}

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", editor: "Editor", viewer: "Viewer", contributor: "Contributor" };
