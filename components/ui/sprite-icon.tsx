// Icons that repeat on a page (a status on every KPI of a 128-KPI dashboard) are drawn once, as
// symbols in a hidden sprite at the top of the body, and referenced with <use>: one element per
// use instead of the whole drawing, in the HTML and again in the page's RSC payload.
import { ArrowDownRight, ArrowRight, ArrowUpRight, CalendarClock, ChartLine, CircleCheck, CircleDashed, Clock, OctagonX, TriangleExclamationPoint } from "lucide-react";

const ICONS = {
  "arrow-down-right": ArrowDownRight,
  "arrow-right": ArrowRight,
  "arrow-up-right": ArrowUpRight,
  "calendar-clock": CalendarClock,
  "chart-line": ChartLine,
  "circle-check": CircleCheck,
  "circle-dashed": CircleDashed,
  clock: Clock,
  "octagon-x": OctagonX,
  "triangle-alert": TriangleExclamationPoint,
} as const;

export type SpriteIconName = keyof typeof ICONS;

/** Rendered once per document, by the root layout. */
export function IconSprite() {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute size-0 overflow-hidden">
      <defs>
        {Object.entries(ICONS).map(([name, Icon]) => (
          <symbol key={name} id={`icon-${name}`} viewBox="0 0 24 24">
            <Icon />
          </symbol>
        ))}
      </defs>
    </svg>
  );
}

/** A decorative icon from the sprite; size and colour come from `className` (currentColor). */
export function SpriteIcon({ name, className }: { name: SpriteIconName; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" className={className}>
      <use href={`#icon-${name}`} />
    </svg>
  );
}
