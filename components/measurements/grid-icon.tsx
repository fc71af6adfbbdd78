// GridIcon: a sprite icon with no size attributes, for the grid's cells and note buttons; the
// grid's classes (.mg-r svg in app/globals.css) size it instead of SpriteIcon's 24px on each.
import type { SpriteIconName } from "@/components/ui/sprite-icon";

export function GridIcon({ name }: { name: SpriteIconName }) {
  return (
    <svg aria-hidden="true">
      <use href={`#icon-${name}`} />
    </svg>
  );
}
