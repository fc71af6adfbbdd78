// The e-mails Cairn sends, as plain text first (readable everywhere) with a light HTML twin.
import type { Message } from "./mailer";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function compose(to: string, subject: string, lines: string[], action?: { label: string; url: string }): Message {
  const text = [...lines, ...(action ? ["", `${action.label}: ${action.url}`] : []), "", "— Cairn"].join("\n");
  const html = [
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    action ? `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>` : "",
    "<p>— Cairn</p>",
  ].join("\n");
  return { to, subject, text, html };
}

export const verifyEmailMessage = (to: string, url: string) =>
  compose(to, "Confirm your e-mail address for Cairn", ["Welcome to Cairn. Please confirm that this is your e-mail address.", "The link works once and expires in 24 hours."], {
    label: "Confirm my e-mail",
    url,
  });

export const resetPasswordMessage = (to: string, url: string) =>
  compose(
    to,
    "Reset your Cairn password",
    ["Someone (hopefully you) asked to reset the password of your Cairn account.", "The link works once and expires in 1 hour. If you did not ask, ignore this e-mail: your password stays as it is."],
    { label: "Choose a new password", url },
  );

export const invitationMessage = (to: string, inviter: string, team: string, role: string, url: string) =>
  compose(to, `${inviter} invited you to ${team} on Cairn`, [`${inviter} invited you to join ${team} on Cairn as ${role}.`, "The invitation works once and expires in 7 days."], {
    label: "Accept the invitation",
    url,
  });

export const accountExistsMessage = (to: string, signInUrl: string) =>
  compose(
    to,
    "Someone tried to create a Cairn account with your address",
    [
      "Someone (hopefully you) tried to create a Cairn account with this e-mail address, but you already have one.",
      "Sign in with it instead; if you forgot the password, the sign-in page lets you choose a new one. If it was not you, ignore this e-mail: nothing changed.",
    ],
    { label: "Sign in", url: signInUrl },
  );

export const passwordChangedMessage = (to: string) =>
  compose(to, "Your Cairn password was changed", [
    "The password of your Cairn account was just changed, and every other session was signed out.",
    "If this was not you, reset your password now and tell your team's admin.",
  ]);

export interface DigestSection {
  teamName: string;
  inboxUrl: string;
  /** One line per unread notification, e.g. "Dana Whitfield mentioned you on “NPS”: …". */
  lines: string[];
  /** How many unread notifications the lines stand for (the lines may be cut short). */
  total: number;
  /** KPIs of the person that still owe a value for the current period. */
  due: string[];
}

/** The daily digest: unread mentions and assignments per team, and the KPIs still due. */
export function dailyDigestMessage(to: string, sections: DigestSection[]): Message {
  const count = sections.reduce((n, s) => n + s.total, 0);
  const lines: string[] = [`You have ${count} unread notification${count === 1 ? "" : "s"} in Cairn.`];
  for (const section of sections) {
    lines.push("", `${section.teamName}:`, ...section.lines.map((l) => `• ${l}`));
    if (section.due.length) lines.push(`KPIs of yours that still need a value this period: ${section.due.join(", ")}.`);
    lines.push(`Open the inbox: ${section.inboxUrl}`);
  }
  lines.push("", "You get this e-mail only on days with something unread. To stop it for a team, untick the daily digest on that team's inbox page.");
  return compose(to, count === 1 ? "1 unread notification in Cairn" : `${count} unread notifications in Cairn`, lines);
}

export interface ReminderItem {
  /** "Activation rate (Make the first trip a success)". */
  title: string;
  /** "Mar 2026 · due since 2026-04-01 · last value 41% (Feb 2026) · target ≥ 40%". */
  detail: string;
  /** The signed, single-use link for this one value. */
  url: string;
}

/** The update reminder: one e-mail per owner listing every KPI of theirs that needs a value. */
export function updateReminderMessage(to: string, values: { teamName: string; items: ReminderItem[]; myUpdatesUrl: string; expiresOn: string }): Message {
  const { teamName, items, myUpdatesUrl, expiresOn } = values;
  const subject = items.length === 1 ? `${items[0]!.title.replace(/ \(.*\)$/, "")} needs your update in ${teamName}` : `${items.length} KPIs need your update in ${teamName}`;
  const intro = `You own ${items.length === 1 ? "a KPI" : `${items.length} KPIs`} in ${teamName} on Cairn that ${items.length === 1 ? "needs" : "need"} a value.`;
  const note = `Each link enters that one value, works once and expires on ${expiresOn}. To enter them all at once, sign in and open My updates: ${myUpdatesUrl}`;
  const text = [intro, "", ...items.flatMap((item) => [`• ${item.title}`, `  ${item.detail}`, `  Enter the value: ${item.url}`, ""]), note, "", "— Cairn"].join("\n");
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    "<ul>",
    ...items.map((item) => `<li><strong>${escapeHtml(item.title)}</strong><br>${escapeHtml(item.detail)}<br><a href="${escapeHtml(item.url)}">Enter the value</a></li>`),
    "</ul>",
    `<p>Each link enters that one value, works once and expires on ${escapeHtml(expiresOn)}. To enter them all at once, <a href="${escapeHtml(myUpdatesUrl)}">open My updates</a>.</p>`,
    "<p>— Cairn</p>",
  ].join("\n");
  return { to, subject, text, html };
}

/** The follow-up someone was given when a KPI went off track. */
export const redActionMessage = (to: string, values: { assignedBy: string; kpiName: string; periodLabel: string; reason: string; action: string; dueDate: string | null; url: string }) =>
  compose(
    to,
    `Action for ${values.kpiName}: ${values.action}`,
    [
      `${values.assignedBy} asked you to follow up on ${values.kpiName}, which is off track for ${values.periodLabel}.`,
      `Why: ${values.reason}`,
      `Your action: ${values.action}${values.dueDate ? ` (by ${values.dueDate})` : ""}`,
    ],
    { label: "Open the scorecard", url: values.url },
  );
