// Alert: an inline message for form-level errors and outcomes — role="alert" for errors, "status" otherwise.
import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/cn";
import { SpriteIcon, type SpriteIconName } from "./sprite-icon";

type AlertVariant = "error" | "warning" | "success" | "info";

// Icons from the page's sprite: no drawing code in the client components that show an alert.
const VARIANTS: Record<AlertVariant, { icon: SpriteIconName; className: string }> = {
  error: { icon: "circle-alert", className: "border-status-red-border bg-status-red-bg text-status-red" },
  warning: { icon: "triangle-alert", className: "border-status-amber-border bg-status-amber-bg text-status-amber" },
  success: { icon: "circle-check", className: "border-status-green-border bg-status-green-bg text-status-green" },
  info: { icon: "info", className: "border-border bg-muted text-foreground" },
};

export type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  variant?: AlertVariant;
  title?: ReactNode;
};

export function Alert({ variant = "info", title, className, children, ...props }: AlertProps) {
  const { icon, className: tone } = VARIANTS[variant];
  return (
    <div
      data-slot="alert"
      role={variant === "error" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-md border p-3 text-sm", tone, className)}
      {...props}
    >
      <SpriteIcon name={icon} className="mt-0.5 size-4 shrink-0" />
      <div className="flex min-w-0 flex-col gap-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="[&_a]:underline">{children}</div> : null}
      </div>
    </div>
  );
}
