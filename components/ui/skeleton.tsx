// Skeleton: a pulsing placeholder block. Decorative — mark the loading region with aria-busy instead.
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}

/** Where a form loaded on demand will be: a few fields and the buttons' row (the region is busy). */
export function FormSkeleton({ fields = 2 }: { fields?: number }) {
  return (
    <div aria-busy="true" className="flex flex-col gap-4">
      {Array.from({ length: fields }, (_, i) => (
        <Skeleton key={i} className="h-16" />
      ))}
      <Skeleton className="h-10 w-32 self-end" />
    </div>
  );
}
