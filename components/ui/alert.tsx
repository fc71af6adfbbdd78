// Alert: an inline message for form-level errors and outcomes — role="alert" for errors, "status" otherwise.
import { CircleCheck, CircleExclamationPoint, Info, TriangleExclamationPoint, type LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/cn";

type AlertVariant = "error" | "warning" | "success" | "info";

const VARIANTS: Record<AlertVariant, { icon: LucideIcon; className: string }> = {
  error: { icon: CircleExclamationPoint, className: "border-status-red-border bg-status-red-bg text-status-red" },
  warning: { icon: TriangleExclamationPoint, className: "border-status-amber-border bg-status-amber-bg text-status-amber" },
  success: { icon: CircleCheck, className: "border-status-green-border bg-status-green-bg text-status-green" },
  info: { icon: Info, className: "border-border bg-muted text-foreground" },
};

export type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  variant?: AlertVariant;
  title?: ReactNode;
};

export function Alert({ variant = "info", title, className, children, ...props }: AlertProps) {
  const { icon: Icon, className: tone } = VARIANTS[variant];
  return (
    <div
      data-slot="alert"
      role={variant === "error" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-md border p-3 text-sm", tone, className)}
      {...props}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="flex min-w-0 flex-col gap-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="[&_a]:underline">{children}</div> : null}
      </div>
    </div>
  );
}
