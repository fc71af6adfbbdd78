import { getDbHandle, type Unlisten } from "@/db/client";
import { teamChannel } from "@/db/queries/changes";

/**
 * One LISTEN per team channel per process, shared by every open stream of that team.
 * PostgreSQL fans NOTIFY out to every instance that listens, so N app instances behind a
 * load balancer all see every change; on PGlite the same code works in-process.
 */
type Subscriber = (payload: string) => void;

interface Channel {
  subscribers: Set<Subscriber>;
  ready: Promise<Unlisten>;
}

const globalForHub = globalThis as unknown as { __cairnHub?: Map<string, Channel> };
const channels = (globalForHub.__cairnHub ??= new Map<string, Channel>());

export async function subscribe(teamId: string, subscriber: Subscriber): Promise<() => void> {
  const name = teamChannel(teamId);
  let channel = channels.get(name);
  if (!channel) {
    const subscribers = new Set<Subscriber>();
    const ready = getDbHandle().then((handle) =>
      handle.listen(name, (payload) => {
        for (const fn of subscribers) fn(payload);
      }),
    );
    channel = { subscribers, ready };
    channels.set(name, channel);
    ready.catch(() => channels.delete(name));
  }
  channel.subscribers.add(subscriber);
  await channel.ready;
  let unsubscribed = false;
  return () => {
    if (unsubscribed) return;
    unsubscribed = true;
    const current = channels.get(name);
    if (!current) return;
    current.subscribers.delete(subscriber);
    if (current.subscribers.size === 0) {
      channels.delete(name);
      void current.ready.then((unlisten) => unlisten()).catch(() => {});
    }
  };
}

/** How many processes-local listeners a team has (for tests and diagnostics). */
export function listenerCount(teamId: string): number {
  return channels.get(teamChannel(teamId))?.subscribers.size ?? 0;
}
