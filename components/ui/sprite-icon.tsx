// Icons that repeat on a page (a status on every KPI of a 128-KPI dashboard) are drawn once, as
// symbols in a hidden sprite at the top of the body, and referenced with <use>: one element per
// use instead of the whole drawing, in the HTML and again in the page's RSC payload. The
// drawings (sprite-drawings.tsx) are imported only when the sprite renders, on the server, so a
// client component showing a SpriteIcon (StatusBadge, Alert, Select) ships no path data.

export type SpriteIconName =
  | "arrow-down-right"
  | "arrow-right"
  | "arrow-up-right"
  | "bell"
  | "calendar-clock"
  | "chart-line"
  | "chevron-down"
  | "circle-alert"
  | "circle-check"
  | "circle-dashed"
  | "clock"
  | "file-up"
  | "history"
  | "info"
  | "library"
  | "loader-circle"
  | "message-square"
  | "message-square-text"
  | "minus"
  | "octagon-x"
  | "pencil"
  | "plus"
  | "trash"
  | "trending-down"
  | "trending-up"
  | "triangle-alert";

/** Rendered once per document, by the root layout (a server component). */
export async function IconSprite() {
  const { SpriteSheet } = await import("./sprite-drawings");
  return <SpriteSheet />;
}

/**
 * A decorative icon from the sprite; size and colour come from `className` (currentColor). The
 * symbol carries its own viewBox, and `.icon` (globals.css, base layer) the 24 px default the
 * width/height attributes gave: a page of a few hundred icons sends them once, not on each.
 */
export function SpriteIcon({ name, className }: { name: SpriteIconName; className?: string }) {
  return (
    <svg aria-hidden="true" className={className ? `icon ${className}` : "icon"}>
      <use href={`#icon-${name}`} />
    </svg>
  );
}
