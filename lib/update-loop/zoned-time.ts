// Wall-clock time in a team's time zone: which hour it is there now, and the instant at which a
// given local date reaches a given hour (for "send reminders at 08:00 team time").

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: Date, timeZone: string) {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour") % 24, minute: get("minute"), second: get("second") };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The hour (0–23) it is in `timeZone` at `instant`. */
export function localHour(instant: Date, timeZone: string): number {
  return wallClock(instant, timeZone).hour;
}

/**
 * The first instant at which the local date `isoDate` has reached `hour`:00 in `timeZone`. On the
 * day clocks go back, an hour that happens twice is met the first time; on the day they go
 * forward, an hour that never happens is met when the clock jumps past it (02:00 → 03:00).
 */
export function zonedInstant(isoDate: string, hour: number, timeZone: string): Date {
  const guess = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)), hour);
  const target = `${isoDate} ${String(hour).padStart(2, "0")}`;
  // The zone's offsets half a day either side cover any change on that day.
  const offsets = new Set([offsetMs(new Date(guess - 12 * 3_600_000), timeZone), offsetMs(new Date(guess + 12 * 3_600_000), timeZone)]);
  const reached = [...offsets]
    .map((offset) => guess - offset)
    .filter((candidate) => wallClockKey(new Date(candidate), timeZone) >= target)
    .sort((a, b) => a - b);
  return new Date(reached[0] ?? guess - offsetMs(new Date(guess), timeZone));
}

/** "YYYY-MM-DD HH" of the zone's wall clock: sorts in time order within the zone. */
function wallClockKey(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(w.year).padStart(4, "0")}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}`;
}
