"use client";
// Dialog: a modal dialog whose content always carries a title (and optional description).
// Root, Trigger and Close are light; the Radix content (focus trap, scroll lock, dismiss layer)
// is in dialog-content.tsx and loaded on first open or on the trigger's hover/focus.
import type * as DialogPrimitive from "@radix-ui/react-dialog";
import { Slot } from "./slot";
import { lazy, Suspense, type ComponentProps, type ReactNode } from "react";

import { cn } from "@/lib/cn";
import { compose, createOverlayContext, OverlayTrigger, preloadAll, useOpenedOnce, useOverlayState, type OverlayRootProps, type TriggerProps } from "./lazy-overlay";

const loadContent = () => import("./dialog-content");
const DialogContentImpl = lazy(loadContent);
const preload = () => void loadContent();

const { Provider, useOverlay } = createOverlayContext("Dialog");

export function Dialog({ children, ...props }: OverlayRootProps) {
  return <Provider value={useOverlayState(props)}>{children}</Provider>;
}

/** `preload`: what the dialog shows, when it is loaded on demand too (see lazyWithPreload). */
export function DialogTrigger({ preload: preloadBody, ...props }: TriggerProps & { preload?: () => void }) {
  return <OverlayTrigger state={useOverlay("DialogTrigger")} preload={preloadAll(preload, preloadBody)} {...props} />;
}

/** Closes the dialog it sits in (a footer's Cancel). */
export function DialogClose({ asChild = false, onClick, ...props }: TriggerProps) {
  const state = useOverlay("DialogClose");
  const Comp = asChild ? Slot : "button";
  return <Comp type="button" {...props} onClick={compose(onClick, () => state.onOpenChange(false))} />;
}

export type DialogContentProps = Omit<ComponentProps<typeof DialogPrimitive.Content>, "title"> & {
  /** Required: becomes the dialog's accessible name. */
  title: ReactNode;
  /** Becomes the accessible description when given. */
  description?: ReactNode;
  /** Hide the corner close button (Escape still closes). */
  hideClose?: boolean;
  /** Wider for forms with long fields or lists; lg (32rem) by default. */
  maxWidth?: "lg" | "xl" | "2xl";
};

export function DialogContent(props: DialogContentProps) {
  const state = useOverlay("DialogContent");
  if (!useOpenedOnce(state.open)) return null;
  return (
    <Suspense fallback={null}>
      <DialogContentImpl state={state} {...props} />
    </Suspense>
  );
}

export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="dialog-footer"
      className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}
      {...props}
    />
  );
}
