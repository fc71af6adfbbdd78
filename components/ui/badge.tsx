// Badge and badgeVariants: a small inline label (role, plan, indicator type…).
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

// The look is the .badge and .badge-<variant> classes of app/globals.css (an objective's stages
// are badges on every objective of the editor): written once there, not as utilities on each.
export type BadgeVariant = "default" | "secondary" | "outline" | "destructive";

export function badgeVariants({ variant }: { variant?: BadgeVariant | null } = {}): string {
  return `badge badge-${variant ?? "default"}`;
}

export type BadgeProps = ComponentProps<"span"> & { variant?: BadgeVariant | null };

export function Badge({ className, variant, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ variant }), className)} {...props} />;
}
