// Share-link views, counted without a write per view: an open adds to a counter in this process,
// and every FLUSH_MS the counters go to the database in one statement per team, as increments
// (`view_count + n`), so several instances add up to the right total. A process that dies
// loses at most its last FLUSH_MS of views; a normal exit flushes first.
import { addShareLinkViews } from "@/db/queries/share-links";
import { inTeam } from "@/db/tenant";

export const FLUSH_MS = 2_000;

interface Pending {
  teamId: string;
  count: number;
  lastViewedAt: Date;
}

// On globalThis: every bundle of the process (Next.js keeps several) shares one counter.
const key = Symbol.for("cairn.share-views");
type ViewState = { pending: Map<string, Pending>; timer?: ReturnType<typeof setInterval>; flushing?: Promise<void> };
type ViewsGlobal = typeof globalThis & { [key]?: ViewState };

function state(): ViewState {
  const g = globalThis as ViewsGlobal;
  return (g[key] ??= { pending: new Map<string, Pending>() });
}

/** Counts one view of a link (written within FLUSH_MS). */
export function countShareView(link: { id: string; teamId: string }, at: Date): void {
  const s = state();
  const current = s.pending.get(link.id);
  if (current) {
    current.count += 1;
    if (at > current.lastViewedAt) current.lastViewedAt = at;
  } else {
    s.pending.set(link.id, { teamId: link.teamId, count: 1, lastViewedAt: at });
  }
  if (!s.timer) {
    s.timer = setInterval(() => void flushShareViews().catch((e) => console.error(`[share-views] flush failed: ${e instanceof Error ? e.message : String(e)}`)), FLUSH_MS);
    s.timer.unref?.();
    process.once("beforeExit", () => void flushShareViews());
  }
}

/** Writes the counted views now (tests, shutdown); views counted meanwhile wait for the next flush. */
export async function flushShareViews(): Promise<void> {
  const s = state();
  await s.flushing;
  if (s.pending.size === 0) return;
  const batch = s.pending;
  s.pending = new Map();
  const byTeam = new Map<string, Array<{ linkId: string; count: number; lastViewedAt: Date }>>();
  for (const [linkId, p] of batch) byTeam.set(p.teamId, [...(byTeam.get(p.teamId) ?? []), { linkId, count: p.count, lastViewedAt: p.lastViewedAt }]);
  s.flushing = (async () => {
    for (const [teamId, views] of byTeam) {
      try {
        await inTeam(teamId, (tx) => addShareLinkViews(tx, { teamId }, views));
      } catch (error) {
        // Put them back: the next flush tries again.
        for (const v of views) {
          const again = s.pending.get(v.linkId);
          if (again) again.count += v.count;
          else s.pending.set(v.linkId, { teamId, count: v.count, lastViewedAt: v.lastViewedAt });
        }
        throw error;
      }
    }
  })();
  try {
    await s.flushing;
  } finally {
    s.flushing = undefined;
  }
}
