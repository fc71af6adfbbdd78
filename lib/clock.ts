// The one clock. Everything that decides by "now" — periods, due dates, reminders and digests,
// jobs, expiry of sessions, tokens and share links, rate-limit windows, freshness — reads it
// here, never `new Date()` or `Date.now()` (ESLint refuses those elsewhere), and never the
// database's `now()`: the app passes this instant to SQL, so both always agree.
//
// It runs at the machine's rate from an instant that can be set: tests set it per case, and
// CAIRN_CLOCK starts a whole process at a given instant (the e2e server and its seed), so no
// outcome depends on when a test runs. Durations (timeouts, elapsed time) use
// `performance.now()`, which this clock does not touch.

import { clockStartSetting } from "@/lib/env";

type ClockState = { offsetMs: number; frozenAt: number | null };

// On globalThis so every bundle of one process (Next.js keeps several module graphs) shares it.
const globalKey = Symbol.for("cairn.clock");
type ClockGlobal = typeof globalThis & { [globalKey]?: ClockState };

function state(): ClockState {
  const g = globalThis as ClockGlobal;
  g[globalKey] ??= initialState();
  return g[globalKey];
}

function initialState(): ClockState {
  const start = clockStartSetting();
  if (!start) return { offsetMs: 0, frozenAt: null };
  const startMs = Date.parse(start);
  if (!Number.isFinite(startMs)) throw new RangeError(`CAIRN_CLOCK must be an ISO instant such as 2026-12-07T10:00:00Z, got ${JSON.stringify(start)}`);
  return { offsetMs: startMs - Date.now(), frozenAt: null };
}

export const clock = {
  /** The current instant. */
  now(): Date {
    return new Date(clock.nowMs());
  },
  nowMs(): number {
    const s = state();
    return s.frozenAt ?? Date.now() + s.offsetMs;
  },
  /**
   * Sets the clock to `instant`. It keeps running from there unless `frozen` (then it reads the
   * same instant until set again). For tests and the e2e server; the app never sets it.
   */
  set(instant: Date | string | number, { frozen = false }: { frozen?: boolean } = {}): void {
    const ms = typeof instant === "number" ? instant : typeof instant === "string" ? Date.parse(instant) : instant.getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`clock.set: not an instant: ${String(instant)}`);
    const s = state();
    s.frozenAt = frozen ? ms : null;
    s.offsetMs = ms - Date.now();
  },
  /** Moves the clock on by `ms` (frozen or running). */
  advance(ms: number): void {
    const s = state();
    if (s.frozenAt !== null) s.frozenAt += ms;
    else s.offsetMs += ms;
  },
  /** Back to the machine's time (or CAIRN_CLOCK's start, as at process start). */
  reset(): void {
    const g = globalThis as ClockGlobal;
    g[globalKey] = initialState();
  },
};
