// The drawings of the page's icon sprite (sprite-icon.tsx), by name. Only the root layout's
// IconSprite loads this module, on the server.
import { ArrowDownRight, ArrowRight, ArrowUpRight, CalendarClock, ChartLine, ChevronDown, CircleCheck, CircleDashed, CircleExclamationPoint, Clock, Info, MessageSquare, MessageSquareText, OctagonX, TriangleExclamationPoint, type LucideIcon } from "lucide-react";
import type { SpriteIconName } from "./sprite-icon";

export const SPRITE_DRAWINGS: Record<SpriteIconName, LucideIcon> = {
  "arrow-down-right": ArrowDownRight,
  "arrow-right": ArrowRight,
  "arrow-up-right": ArrowUpRight,
  "calendar-clock": CalendarClock,
  "chart-line": ChartLine,
  "chevron-down": ChevronDown,
  "circle-alert": CircleExclamationPoint,
  "circle-check": CircleCheck,
  "circle-dashed": CircleDashed,
  clock: Clock,
  info: Info,
  "message-square": MessageSquare,
  "message-square-text": MessageSquareText,
  "octagon-x": OctagonX,
  "triangle-alert": TriangleExclamationPoint,
};
