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
 * A decorative icon from the sprite; size and colour come from `className` or the component it
 * sits in (currentColor). No viewBox, width or height: the symbol has its own viewBox, <use> fills
 * whatever size the svg is given, and globals.css gives an unsized one lucide's 24px.
 */
export function SpriteIcon({ name, className }: { name: SpriteIconName; className?: string }) {
  return (
    <svg aria-hidden="true" className={className}>
      <use href={`#icon-${name}`} />
    </svg>
  );
}
