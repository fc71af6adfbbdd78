// @mentions in comment bodies. A comment stays plain text ("@Dana Whitfield, can you…"): the
// server finds the mentioned members from their names, so an API client, a pasted text and
// the autocomplete all mean the same thing, and the stored `mentions` are member ids only.
// Pure and shared by the server (who to notify) and the browser (highlighting, autocomplete).

export interface Mentionable {
  userId: string;
  /** The member's display name (their name, or the part of their e-mail before the @). */
  name: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/** Where `@handle` occurs as a whole mention (not followed by more of a word), case-insensitively. */
function occurrences(lower: string, handle: string): number[] {
  const needle = `@${handle.toLowerCase()}`;
  const found: number[] = [];
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    const before = at === 0 ? "" : lower[at - 1]!;
    const after = lower[at + needle.length] ?? "";
    if (before && WORD.test(before)) continue; // e-mail addresses: "x@dana" is not a mention
    if (after && WORD.test(after)) continue;
    found.push(at);
  }
  return found;
}

export interface MentionSpan {
  start: number;
  end: number;
  userId: string;
}

/**
 * The mentions in `body`, longest names first so that "@Ada Lovelace" mentions Ada Lovelace
 * and not also a member called "Ada"; spans never overlap. Sorted by position.
 */
export function mentionSpans(body: string, members: readonly Mentionable[]): MentionSpan[] {
  const lower = body.toLowerCase();
  const taken: MentionSpan[] = [];
  const byLength = [...members].filter((m) => m.name.trim()).sort((a, b) => b.name.length - a.name.length);
  for (const member of byLength) {
    const handle = member.name.trim();
    for (const start of occurrences(lower, handle)) {
      const end = start + handle.length + 1;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      taken.push({ start, end, userId: member.userId });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The distinct member ids mentioned in `body`, in order of first mention. */
export function findMentions(body: string, members: readonly Mentionable[]): string[] {
  return [...new Set(mentionSpans(body, members).map((s) => s.userId))];
}

export type BodySegment = { text: string; mention?: string };

/** `body` cut into plain text and mentions, for rendering. */
export function splitMentions(body: string, members: readonly Mentionable[]): BodySegment[] {
  const segments: BodySegment[] = [];
  let at = 0;
  for (const span of mentionSpans(body, members)) {
    if (span.start > at) segments.push({ text: body.slice(at, span.start) });
    segments.push({ text: body.slice(span.start, span.end), mention: span.userId });
    at = span.end;
  }
  if (at < body.length) segments.push({ text: body.slice(at) });
  return segments;
}

/**
 * The mention being typed just before the caret ("… @da|"), for the autocomplete: the query
 * after "@" and where the "@" is. Names may hold spaces, so the query may too (up to 40 chars).
 */
export function activeMentionQuery(text: string, caret: number): { query: string; start: number } | null {
  const head = text.slice(0, caret);
  const at = head.lastIndexOf("@");
  if (at < 0) return null;
  if (at > 0 && !/\s|[([{"'“‘]/.test(head[at - 1]!)) return null;
  const query = head.slice(at + 1);
  if (query.length > 40 || /[\n@]/.test(query) || /\s\s/.test(query) || query.startsWith(" ")) return null;
  return { query, start: at };
}

/** Members whose name starts with (or has a word starting with) the query; best first. */
export function suggestMembers(query: string, members: readonly Mentionable[], limit = 6): Mentionable[] {
  const q = query.trim().toLowerCase();
  const scored = members
    .map((m) => {
      const name = m.name.toLowerCase();
      const score = name.startsWith(q) ? 0 : name.split(/\s+/).some((w) => w.startsWith(q)) ? 1 : name.includes(q) ? 2 : -1;
      return { m, score };
    })
    .filter((x) => x.score >= 0)
    .sort((a, b) => a.score - b.score || a.m.name.localeCompare(b.m.name));
  return scored.slice(0, limit).map((x) => x.m);
}

/** The display name the app uses for a person: their name, else their e-mail's local part. */
export function displayName(person: { name: string | null; email?: string | null }): string {
  return person.name?.trim() || person.email?.split("@")[0] || "Someone";
}
