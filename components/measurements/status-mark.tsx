// StatusMark: StatusBadge's words, icon and stale mark in the grid's short form. The grid shows a
// status on every KPI row and every roll-up, so the badge's look is the .mg-st class of
// app/globals.css (tone per data-status) instead of a utility list on each, in the HTML and the
// RSC payload. Same words and icons as StatusBadge: readable without colour.
import type { SpriteIconName } from "@/components/ui/sprite-icon";
import { statusIcons, statusLabels, type Status } from "@/components/ui/status-badge";

/** A sprite icon with no size attributes: the grid's classes size it (SpriteIcon's 24px otherwise). */
export function GridIcon({ name }: { name: SpriteIconName }) {
  return (
    <svg aria-hidden="true">
      <use href={`#icon-${name}`} />
    </svg>
  );
}

export function StatusMark({ status, stale = false }: { status: Status; stale?: boolean }) {
  return (
    <span data-status={status} data-stale={stale || undefined} className="mg-st">
      <GridIcon name={statusIcons[status]} />
      {statusLabels[status]}
      {stale ? (
        <>
          <span className="sr-only">, </span>
          <span>
            <GridIcon name="clock" />
            Stale
          </span>
        </>
      ) : null}
    </span>
  );
}
