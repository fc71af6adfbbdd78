// StatusBadge: a KPI/objective status as icon + words (never colour alone), optionally marked stale.
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";
import { SpriteIcon, type SpriteIconName } from "./sprite-icon";

export type Status = "green" | "amber" | "red" | "grey";

// The look (tone per data-status, size, the stale mark) is the .status-badge class of
// app/globals.css: a status shows on every KPI row of a page, so it is written there once.
const STATUS: Record<Status, { label: string; icon: SpriteIconName }> = {
  green: { label: "On track", icon: "circle-check" },
  amber: { label: "At risk", icon: "triangle-alert" },
  red: { label: "Off track", icon: "octagon-x" },
  grey: { label: "No data", icon: "circle-dashed" },
};

/** The icon each status is drawn with, wherever it is shown. */
export const statusIcons: Record<Status, SpriteIconName> = {
  green: STATUS.green.icon,
  amber: STATUS.amber.icon,
  red: STATUS.red.icon,
  grey: STATUS.grey.icon,
};

export const statusLabels: Record<Status, string> = {
  green: STATUS.green.label,
  amber: STATUS.amber.label,
  red: STATUS.red.label,
  grey: STATUS.grey.label,
};

export type StatusBadgeProps = Omit<ComponentProps<"span">, "children"> & {
  status: Status;
  /** The latest value is older than the KPI's frequency allows. */
  stale?: boolean;
  /** Override the default words (e.g. "Met"); keep them meaningful without colour. */
  label?: string;
  size?: "sm" | "md";
};

export function StatusBadge({ status, stale = false, label, size = "md", className, ...props }: StatusBadgeProps) {
  const { icon, label: defaultLabel } = STATUS[status];
  return (
    <span data-status={status} data-stale={stale || undefined} className={cn("status-badge", size === "sm" && "status-badge-sm", className)} {...props}>
      <SpriteIcon name={icon} />
      <span>{label ?? defaultLabel}</span>
      {stale ? (
        <>
          <span className="sr-only">, </span>
          <span className="status-badge-stale">
            <SpriteIcon name="clock" />
            Stale
          </span>
        </>
      ) : null}
    </span>
  );
}
