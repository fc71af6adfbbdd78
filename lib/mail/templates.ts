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

export const passwordChangedMessage = (to: string) =>
  compose(to, "Your Cairn password was changed", [
    "The password of your Cairn account was just changed, and every other session was signed out.",
    "If this was not you, reset your password now and tell your team's admin.",
  ]);
