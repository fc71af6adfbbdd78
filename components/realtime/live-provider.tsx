"use client";
// Keeps every open screen of a team current: listens to /api/events, invalidates TanStack
// Query caches and re-renders server components on each change, and tracks presence.
import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";

export interface ChangeEvent {
  e: string;
  id: string;
  op: string;
  v?: number;
  a?: string | null;
  p?: string;
  s?: number;
  replay?: boolean;
}

export interface PresenceEntry {
  userId: string;
  name: string;
  scope: string;
  editing: string | null;
  at: number;
}

const PRESENCE_TTL_MS = 40_000;

/**
 * A tiny store of who is where, fed by presence events; entries expire without heartbeats. One
 * entry per person and scope: someone with two tabs on two pages is in both, and the heartbeat
 * of one does not move them out of the other.
 */
export class PresenceStore {
  private entries = new Map<string, PresenceEntry>();
  private listeners = new Set<() => void>();
  private snapshot: PresenceEntry[] = [];

  /** Returns true when this person just arrived in that scope (so we can greet them with our own state). */
  update(entry: PresenceEntry & { leaving?: boolean }): boolean {
    const key = `${entry.userId} ${entry.scope}`;
    const arrived = !entry.leaving && !this.entries.has(key);
    if (entry.leaving) this.entries.delete(key);
    else this.entries.set(key, { ...entry, at: performance.now() });
    this.emit();
    return arrived;
  }
  expire() {
    const cutoff = performance.now() - PRESENCE_TTL_MS;
    let changed = false;
    for (const [key, value] of this.entries) if (value.at < cutoff) changed = this.entries.delete(key) || changed;
    if (changed) this.emit();
  }
  private emit() {
    this.snapshot = [...this.entries.values()];
    for (const fn of this.listeners) fn();
  }
  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getSnapshot = () => this.snapshot;
}

/**
 * One heartbeat per scope for this tab, however many components announce in it: the page's
 * avatars (viewing) and an open editor (editing kpi:<id>) must not overwrite each other on
 * the other screens, whose store keeps one entry per person. The newest editor wins; the
 * scope is left only when its last announcer unmounts (checked after a tick, so a re-render
 * that swaps announcers sends no "leaving").
 */
class PresenceAnnouncer {
  private scopes = new Map<string, { entries: Map<number, string | null>; beat: ReturnType<typeof setInterval>; sent: string | null | undefined }>();
  private nextToken = 0;
  constructor(private readonly team: string) {}

  register(scope: string, editing: string | null): () => void {
    const token = ++this.nextToken;
    let state = this.scopes.get(scope);
    if (!state) {
      state = { entries: new Map(), beat: setInterval(() => this.send(scope, true), 15_000), sent: undefined };
      this.scopes.set(scope, state);
    }
    state.entries.set(token, editing);
    this.send(scope);
    return () => {
      const current = this.scopes.get(scope);
      if (!current) return;
      current.entries.delete(token);
      setTimeout(() => {
        const later = this.scopes.get(scope);
        if (!later) return;
        if (later.entries.size > 0) return this.send(scope);
        clearInterval(later.beat);
        this.scopes.delete(scope);
        this.post(scope, null, true);
      }, 0);
    };
  }

  /**
   * Re-sends every scope's state at once (a newcomer would otherwise wait for our heartbeat).
   * `hello` asks the others to answer in turn: sent when our stream has just come up, since
   * their greetings may have gone out before it could hear them.
   */
  greet(hello = false) {
    for (const scope of this.scopes.keys()) this.send(scope, true, hello);
  }

  private editing(scope: string): string | null {
    const values = [...(this.scopes.get(scope)?.entries.values() ?? [])].filter((v): v is string => Boolean(v));
    return values.at(-1) ?? null;
  }

  /** Sends when what this tab announces changed, or on the heartbeat. */
  private send(scope: string, heartbeat = false, hello = false) {
    const state = this.scopes.get(scope);
    if (!state) return;
    const editing = this.editing(scope);
    if (!heartbeat && state.sent === editing) return;
    state.sent = editing;
    this.post(scope, editing, false, hello);
  }

  private post(scope: string, editing: string | null, leaving: boolean, hello = false) {
    fetch("/api/presence", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ team: this.team, scope, editing, leaving, ...(hello ? { hello } : {}) }),
      keepalive: leaving,
    }).catch(() => {});
  }
}

interface LiveContextValue {
  team: string;
  userId: string;
  presence: PresenceStore;
  announcer: PresenceAnnouncer;
  /** Subscribe to raw change events (e.g. to show "updated by someone else" in an open editor). */
  onChange(fn: (event: ChangeEvent) => void): () => void;
  status: "connecting" | "live" | "offline";
}

const LiveContext = createContext<LiveContextValue | null>(null);

export function useLive(): LiveContextValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error("useLive must be used inside <LiveProvider>");
  return value;
}

export function LiveProvider({ team, userId, children }: { team: string; userId: string; children: React.ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <LiveStream team={team} userId={userId}>
        {children}
      </LiveStream>
    </QueryClientProvider>
  );
}

function LiveStream({ team, userId, children }: { team: string; userId: string; children: React.ReactNode }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveContextValue["status"]>("connecting");
  const presence = useMemo(() => new PresenceStore(), []);
  const announcer = useMemo(() => new PresenceAnnouncer(team), [team]);
  const listeners = useRef(new Set<(event: ChangeEvent) => void>());
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshDue = useRef(Number.POSITIVE_INFINITY);

  useEffect(() => {
    // EventSource reconnects by itself and sends Last-Event-ID; the server replays what we missed.
    const source = new EventSource(`/api/events?team=${encodeURIComponent(team)}`);
    // One refresh for a burst of events; an earlier one already scheduled covers a later event.
    const refresh = (delay: number) => {
      const due = performance.now() + delay;
      if (refreshTimer.current && refreshDue.current <= due) return;
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
      refreshDue.current = due;
      refreshTimer.current = setTimeout(() => {
        refreshTimer.current = null;
        refreshDue.current = Number.POSITIVE_INFINITY;
        router.refresh();
      }, delay);
    };
    source.addEventListener("ready", () => {
      setStatus("live");
      // Announced before our stream was up, we may have missed the others greeting us back: say
      // where we are again, asking them to answer now that we can hear it (a reconnect too).
      announcer.greet(true);
    });
    source.addEventListener("change", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as ChangeEvent;
      for (const fn of listeners.current) fn(event);
      void queryClient.invalidateQueries({ queryKey: [team] });
      // Our own change: the tab that made it already has the new page from its action's
      // response, and refreshing it now would only slow down everyone else's refresh on the
      // server; another tab of ours catches up a moment later.
      refresh(event.a && event.a === userId && !event.replay ? 1_500 : 60);
    });
    source.addEventListener("presence", (message) => {
      const entry = JSON.parse((message as MessageEvent<string>).data) as PresenceEntry & { leaving?: boolean; hello?: boolean };
      // Someone new arrived, or someone whose stream just came up asks: tell them where we are
      // now rather than at our next heartbeat (an answer never asks back, so this cannot echo).
      if (entry.userId !== userId && (presence.update(entry) || entry.hello)) announcer.greet();
    });
    source.addEventListener("revoked", () => {
      source.close();
      router.replace("/teams");
    });
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    const expiry = setInterval(() => presence.expire(), 5_000);
    return () => {
      source.close();
      clearInterval(expiry);
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    };
  }, [team, userId, router, queryClient, presence, announcer]);

  const value = useMemo<LiveContextValue>(
    () => ({
      team,
      userId,
      presence,
      announcer,
      status,
      onChange(fn) {
        listeners.current.add(fn);
        return () => listeners.current.delete(fn);
      },
    }),
    [team, userId, presence, announcer, status],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Who else is in `scope` right now (e.g. "scorecard:<id>"). */
export function usePresenceIn(scope: string): PresenceEntry[] {
  const { presence } = useLive();
  const all = useSyncExternalStore(presence.subscribe, presence.getSnapshot, () => []);
  return useMemo(() => all.filter((p) => p.scope === scope), [all, scope]);
}

/** Announces this person in `scope` (and what they edit) with a heartbeat while mounted. */
export function useAnnouncePresence(scope: string, editing: string | null = null) {
  const { announcer } = useLive();
  useEffect(() => announcer.register(scope, editing), [announcer, scope, editing]);
}
