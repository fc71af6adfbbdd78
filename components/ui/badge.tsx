// Badge: a small inline label (role, plan, indicator type…). Its look is the .badge component
// class (globals.css) keyed by data-variant: a journey canvas shows hundreds of them.
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

export type BadgeProps = ComponentProps<"span"> & { variant?: "default" | "secondary" | "outline" | "destructive" | null };

export function Badge({ className, variant, ...props }: BadgeProps) {
  return <span data-variant={variant && variant !== "default" ? variant : undefined} className={cn("badge", className)} {...props} />;
}
