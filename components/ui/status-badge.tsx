// StatusBadge: a KPI/objective status as icon + words (never colour alone), optionally marked stale.
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";
import { SpriteIcon, type SpriteIconName } from "./sprite-icon";

export type Status = "green" | "amber" | "red" | "grey";

const STATUS: Record<Status, { label: string; icon: SpriteIconName; className: string }> = {
  green: {
    label: "On track",
    icon: "circle-check",
    className: "border-status-green-border bg-status-green-bg text-status-green",
  },
  amber: {
    label: "At risk",
    icon: "triangle-alert",
    className: "border-status-amber-border bg-status-amber-bg text-status-amber",
  },
  red: {
    label: "Off track",
    icon: "octagon-x",
    className: "border-status-red-border bg-status-red-bg text-status-red",
  },
  grey: {
    label: "No data",
    icon: "circle-dashed",
    className: "border-status-grey-border bg-status-grey-bg text-status-grey",
  },
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
  const { icon, label: defaultLabel, className: tone } = STATUS[status];
  return (
    <span
      data-slot="status-badge"
      data-status={status}
      data-stale={stale || undefined}
      className={cn(
        "inline-flex w-fit items-center gap-1 whitespace-nowrap rounded-full border font-medium",
        size === "sm" ? "px-1.5 py-0.5 text-xs" : "px-2 py-0.5 text-sm",
        tone,
        className,
      )}
      {...props}
    >
      <SpriteIcon name={icon} className={size === "sm" ? "size-3.5" : "size-4"} />
      <span>{label ?? defaultLabel}</span>
      {stale ? (
        <>
          <span className="sr-only">, </span>
          <span className="ml-0.5 inline-flex items-center gap-1 border-l border-current/30 pl-1.5 text-status-grey">
            <SpriteIcon name="clock" className={size === "sm" ? "size-3" : "size-3.5"} />
            Stale
          </span>
        </>
      ) : null}
    </span>
  );
}
