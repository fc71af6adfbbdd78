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

/** A tiny store of who is where, fed by presence events; entries expire without heartbeats. */
class PresenceStore {
  private entries = new Map<string, PresenceEntry>();
  private listeners = new Set<() => void>();
  private snapshot: PresenceEntry[] = [];

  update(entry: PresenceEntry & { leaving?: boolean }) {
    if (entry.leaving) this.entries.delete(entry.userId);
    else this.entries.set(entry.userId, { ...entry, at: Date.now() });
    this.emit();
  }
  expire() {
    const cutoff = Date.now() - PRESENCE_TTL_MS;
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

interface LiveContextValue {
  team: string;
  userId: string;
  presence: PresenceStore;
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
  const listeners = useRef(new Set<(event: ChangeEvent) => void>());
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    // EventSource reconnects by itself and sends Last-Event-ID; the server replays what we missed.
    const source = new EventSource(`/api/events?team=${encodeURIComponent(team)}`);
    const refresh = () => {
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
      refreshTimer.current = setTimeout(() => router.refresh(), 60);
    };
    source.addEventListener("ready", () => setStatus("live"));
    source.addEventListener("change", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as ChangeEvent;
      for (const fn of listeners.current) fn(event);
      void queryClient.invalidateQueries({ queryKey: [team] });
      refresh();
    });
    source.addEventListener("presence", (message) => {
      const entry = JSON.parse((message as MessageEvent<string>).data) as PresenceEntry & { leaving?: boolean };
      if (entry.userId !== userId) presence.update(entry);
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
  }, [team, userId, router, queryClient, presence]);

  const value = useMemo<LiveContextValue>(
    () => ({
      team,
      userId,
      presence,
      status,
      onChange(fn) {
        listeners.current.add(fn);
        return () => listeners.current.delete(fn);
      },
    }),
    [team, userId, presence, status],
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
  const { team } = useLive();
  useEffect(() => {
    const send = (leaving = false) =>
      fetch("/api/presence", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ team, scope, editing, leaving }),
        keepalive: leaving,
      }).catch(() => {});
    void send();
    const beat = setInterval(() => void send(), 15_000);
    return () => {
      clearInterval(beat);
      void send(true);
    };
  }, [team, scope, editing]);
}
