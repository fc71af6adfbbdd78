// PageHeader: the page's single <h1>, an optional description and an actions slot (hidden in print).
import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/cn";

export type PageHeaderProps = Omit<ComponentProps<"header">, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or menus for the page; they wrap under the title on narrow screens. */
  actions?: ReactNode;
  /** No space below: the page spaces what follows itself (e.g. a flex column with a gap). */
  flush?: boolean;
};

export function PageHeader({ title, description, actions, flush = false, className, children, ...props }: PageHeaderProps) {
  return (
    <header
      data-slot="page-header"
      className={cn("flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between", !flush && "pb-6", className)}
      {...props}
    >
      <div className="flex min-w-0 flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
        {children}
      </div>
      {actions ? (
        <div data-print-hidden className="flex shrink-0 flex-wrap items-center gap-2">
          {actions}
        </div>
      ) : null}
    </header>
  );
}
