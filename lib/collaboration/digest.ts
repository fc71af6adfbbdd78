// The daily e-mail digest: one message per person, across the teams where they keep the
// digest on, listing the notifications they have not read and not yet been e-mailed about,
// with their KPIs still due. Nobody gets an e-mail on a day with nothing new and unread. Each
// notification gets `emailed_at` in the statement that claims it (FOR UPDATE SKIP LOCKED), so
// several app instances running the job at once, or the job running twice, never mail the
// same notification twice.
import { describeEntities, refKey } from "@/db/queries/entity-refs";
import { listMembers } from "@/db/queries/memberships";
import { claimNotificationsToEmail, listDueKpis, listTeamsForDigest } from "@/db/queries/notifications";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/mailer";
import { dailyDigestMessage, type DigestSection } from "@/lib/mail/templates";
import { currentPeriods } from "./inbox";
import { displayName } from "./mentions";
import type { NotificationPayload } from "./notify";

const MAX_LINES_PER_TEAM = 20;

function line(kind: string, actor: string, label: string, excerpt?: string): string {
  if (kind === "mention") return `${actor} mentioned you on “${label}”${excerpt ? `: ${excerpt}` : ""}`;
  if (kind === "assignment") return `${actor} made you the owner of “${label}”`;
  return `“${label}” needs your attention`;
}

export async function sendDailyDigests(now = clock.now()): Promise<{ sent: number; notifications: number }> {
  const recipients = new Map<string, { email: string; sections: DigestSection[] }>();
  let claimedTotal = 0;

  for (const team of await listTeamsForDigest()) {
    const ctx = { teamId: team.id };
    const perUser = await inTeam(team.id, async (tx) => {
      const claimed = await claimNotificationsToEmail(tx, ctx, now);
      if (claimed.length === 0) return null;
      const entities = await describeEntities(tx, ctx, claimed.map((c) => ({ entityType: c.entityType, entityId: c.entityId })));
      const names = new Map((await listMembers(tx, ctx)).map((m) => [m.userId, displayName(m)]));
      const due = await listDueKpis(tx, ctx, currentPeriods(now, team));

      const byUser = new Map<string, { email: string; lines: string[]; due: string[] }>();
      for (const { email, ...notification } of claimed) {
        const payload = (notification.payload ?? {}) as NotificationPayload;
        const actor = payload.actorId ? (names.get(payload.actorId) ?? "A former member") : "Someone";
        const label = entities.get(refKey(notification))?.label ?? payload.label ?? "an item that was deleted";
        const entry = byUser.get(notification.userId) ?? { email, lines: [], due: due.filter((k) => k.ownerId === notification.userId).map((k) => k.name) };
        entry.lines.push(line(notification.kind, actor, label, payload.excerpt));
        byUser.set(notification.userId, entry);
      }
      return { byUser, claimed: claimed.length };
    });
    if (!perUser) continue;
    claimedTotal += perUser.claimed;
    const inboxUrl = `${env().APP_URL.replace(/\/$/, "")}/t/${team.slug}/inbox`;
    for (const [userId, entry] of perUser.byUser) {
      const recipient = recipients.get(userId) ?? { email: entry.email, sections: [] };
      const extra = entry.lines.length - MAX_LINES_PER_TEAM;
      const lines = extra > 0 ? [...entry.lines.slice(0, MAX_LINES_PER_TEAM), `and ${extra} more`] : entry.lines;
      recipient.sections.push({ teamName: team.name, inboxUrl, lines, total: entry.lines.length, due: entry.due });
      recipients.set(userId, recipient);
    }
  }

  // Mail after the claims committed: a failed delivery stays in the outbox with its reason.
  for (const { email, sections } of recipients.values()) await sendMail(dailyDigestMessage(email, sections));
  return { sent: recipients.size, notifications: claimedTotal };
}
