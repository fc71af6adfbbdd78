"use client";
// Avatars of the other people looking at the same scorecard or journey right now.
import { useAnnouncePresence, usePresenceIn } from "./live-provider";

export function PresenceAvatars({ scope }: { scope: string }) {
  useAnnouncePresence(scope);
  const here = usePresenceIn(scope);
  if (here.length === 0) return null;
  return (
    <div className="flex items-center gap-2" aria-live="polite">
      <ul className="flex -space-x-2" aria-label={`Also here: ${here.map((p) => p.name).join(", ")}`}>
        {here.slice(0, 5).map((person) => (
          <li
            key={person.userId}
            title={person.editing ? `${person.name} is editing` : person.name}
            className="flex size-8 items-center justify-center rounded-full border-2 border-background bg-secondary text-xs font-semibold text-secondary-foreground"
          >
            <span aria-hidden="true">{initials(person.name)}</span>
          </li>
        ))}
      </ul>
      <span className="text-xs text-muted-foreground">
        {here.length === 1 ? `${here[0]!.name} is here` : `${here.length} others here`}
      </span>
    </div>
  );
}

/** Marks a field or row someone else is editing right now ("kpi:<id>" matches "kpi:<id>:<field>"). */
export function EditingMarker({ scope, target }: { scope: string; target: string }) {
  const editors = usePresenceIn(scope).filter((p) => p.editing === target || p.editing?.startsWith(`${target}:`));
  if (editors.length === 0) return null;
  return (
    <span className="inline-flex items-center gap-1 rounded bg-status-amber-bg px-1.5 py-0.5 text-xs text-status-amber" role="status">
      ✎ {editors.map((e) => e.name).join(", ")} editing
    </span>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((p) => p[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
}
