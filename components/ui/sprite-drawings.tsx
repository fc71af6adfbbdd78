// The drawings of the page's icon sprite (sprite-icon.tsx), by name: lucide's own shape data,
// drawn as plain server markup. (Rendering lucide's components here would make each symbol a
// client component that every page then hydrates.) Only the root layout's IconSprite and the share
// pages load this.
import * as arrowDownRight from "lucide-react/icons/arrow-down-right";
import * as arrowRight from "lucide-react/icons/arrow-right";
import * as arrowUpRight from "lucide-react/icons/arrow-up-right";
import * as bell from "lucide-react/icons/bell";
import * as calendarClock from "lucide-react/icons/calendar-clock";
import * as chartLine from "lucide-react/icons/chart-line";
import * as chevronDown from "lucide-react/icons/chevron-down";
import * as circleExclamationPoint from "lucide-react/icons/circle-exclamation-point";
import * as circleCheck from "lucide-react/icons/circle-check";
import * as circleDashed from "lucide-react/icons/circle-dashed";
import * as clock from "lucide-react/icons/clock";
import * as fileUp from "lucide-react/icons/file-up";
import * as info from "lucide-react/icons/info";
import * as library from "lucide-react/icons/library";
import * as loaderCircle from "lucide-react/icons/loader-circle";
import * as messageSquare from "lucide-react/icons/message-square";
import * as messageSquareText from "lucide-react/icons/message-square-text";
import * as minus from "lucide-react/icons/minus";
import * as octagonX from "lucide-react/icons/octagon-x";
import * as pencil from "lucide-react/icons/pencil";
import * as plus from "lucide-react/icons/plus";
import * as rotateCcwClock from "lucide-react/icons/rotate-ccw-clock";
import * as trash from "lucide-react/icons/trash";
import * as trendingDown from "lucide-react/icons/trending-down";
import * as trendingUp from "lucide-react/icons/trending-up";
import * as triangleExclamationPoint from "lucide-react/icons/triangle-exclamation-point";
import { createElement, type ReactNode } from "react";
import type { SpriteIconName } from "./sprite-icon";

/** An icon module's shape data: [element, attributes] pairs (each attribute set carries a React key). */
type IconNode = Array<[string, Record<string, string>]>;

// The modules export their data as `__iconData`, which their type declarations leave out.
const shapes = (module: object): IconNode => (module as { __iconData: { node: IconNode } }).__iconData.node;

const SHAPES: Record<SpriteIconName, IconNode> = {
  "arrow-down-right": shapes(arrowDownRight),
  "arrow-right": shapes(arrowRight),
  "arrow-up-right": shapes(arrowUpRight),
  bell: shapes(bell),
  "calendar-clock": shapes(calendarClock),
  "chart-line": shapes(chartLine),
  "chevron-down": shapes(chevronDown),
  "circle-alert": shapes(circleExclamationPoint),
  "circle-check": shapes(circleCheck),
  "circle-dashed": shapes(circleDashed),
  clock: shapes(clock),
  "file-up": shapes(fileUp),
  info: shapes(info),
  library: shapes(library),
  "loader-circle": shapes(loaderCircle),
  "message-square": shapes(messageSquare),
  "message-square-text": shapes(messageSquareText),
  minus: shapes(minus),
  "octagon-x": shapes(octagonX),
  pencil: shapes(pencil),
  plus: shapes(plus),
  // lucide's History (its drawing is rotate-ccw-clock) and Trash2 (an alias of trash).
  history: shapes(rotateCcwClock),
  trash: shapes(trash),
  "trending-down": shapes(trendingDown),
  "trending-up": shapes(trendingUp),
  "triangle-alert": shapes(triangleExclamationPoint),
};

/** One symbol's content: lucide's stroke style on a group, its shapes inside. */
export function spriteDrawing(name: SpriteIconName): ReactNode {
  return (
    <g fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      {SHAPES[name].map(([tag, attributes]) => createElement(tag, attributes))}
    </g>
  );
}

export const SPRITE_NAMES = Object.keys(SHAPES) as SpriteIconName[];

/** The hidden sprite itself: the root layout's IconSprite, and the share pages' document, render it once. */
export function SpriteSheet() {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute size-0 overflow-hidden">
      <defs>
        {SPRITE_NAMES.map((name) => (
          <symbol key={name} id={`icon-${name}`} viewBox="0 0 24 24">
            {spriteDrawing(name)}
          </symbol>
        ))}
      </defs>
    </svg>
  );
}
