// Status → the theme's tint classes. Colour is never the only carrier: every use pairs it with words or an icon.
import type { Status } from "@/lib/scoring";

export const STATUS_TINT: Record<Status, string> = {
  green: "border-status-green-border bg-status-green-bg text-status-green",
  amber: "border-status-amber-border bg-status-amber-bg text-status-amber",
  red: "border-status-red-border bg-status-red-bg text-status-red",
  grey: "border-status-grey-border bg-status-grey-bg text-status-grey",
};

export const STATUS_TEXT: Record<Status, string> = {
  green: "text-status-green",
  amber: "text-status-amber",
  red: "text-status-red",
  grey: "text-status-grey",
};
