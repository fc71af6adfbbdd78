"use client";
// AlertDialog: confirm dialog (e.g. "Delete objective?") with a required title and styled actions.
// Root and Trigger are light; the Radix content is in alert-dialog-content.tsx and loaded on
// first open or on the trigger's hover/focus.
import type * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import { createContext, lazy, Suspense, useContext, type ComponentProps, type ReactNode } from "react";

import { cn } from "@/lib/cn";
import { buttonVariants } from "./button";
import { createOverlayContext, OverlayTrigger, preloadAll, useOpenedOnce, useOverlayState, type OverlayRootProps, type TriggerProps } from "./lazy-overlay";

const loadContent = () => import("./alert-dialog-content");
const AlertDialogContentImpl = lazy(loadContent);
const preload = () => void loadContent();

const { Provider, useOverlay } = createOverlayContext("AlertDialog");

export const AlertDialogParts = createContext<{
  Action: typeof AlertDialogPrimitive.Action;
  Cancel: typeof AlertDialogPrimitive.Cancel;
} | null>(null);

function useParts(part: string) {
  const parts = useContext(AlertDialogParts);
  if (!parts) throw new Error(`<${part}> must be used within <AlertDialogContent>`);
  return parts;
}

export function AlertDialog({ children, ...props }: OverlayRootProps) {
  return <Provider value={useOverlayState(props)}>{children}</Provider>;
}

/** `preload`: what the dialog shows, when it is loaded on demand too (see lazyWithPreload). */
export function AlertDialogTrigger({ preload: preloadBody, ...props }: TriggerProps & { preload?: () => void }) {
  return <OverlayTrigger state={useOverlay("AlertDialogTrigger")} preload={preloadAll(preload, preloadBody)} {...props} />;
}

export type AlertDialogContentProps = Omit<ComponentProps<typeof AlertDialogPrimitive.Content>, "title"> & {
  /** Required: the question being confirmed; the dialog's accessible name. */
  title: ReactNode;
  /** The consequence ("This cannot be undone."); the accessible description. */
  description?: ReactNode;
};

export function AlertDialogContent(props: AlertDialogContentProps) {
  const state = useOverlay("AlertDialogContent");
  if (!useOpenedOnce(state.open)) return null;
  return (
    <Suspense fallback={null}>
      <AlertDialogContentImpl state={state} {...props} />
    </Suspense>
  );
}

export function AlertDialogFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-dialog-footer"
      className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}
      {...props}
    />
  );
}

export type AlertDialogActionProps = ComponentProps<typeof AlertDialogPrimitive.Action> & {
  variant?: "default" | "destructive";
};

export function AlertDialogAction({ variant = "default", className, ...props }: AlertDialogActionProps) {
  const { Action } = useParts("AlertDialogAction");
  return <Action className={cn(buttonVariants({ variant }), className)} {...props} />;
}

/** Radix focuses Cancel first, so the safe choice is the default. */
export function AlertDialogCancel({ className, ...props }: ComponentProps<typeof AlertDialogPrimitive.Cancel>) {
  const { Cancel } = useParts("AlertDialogCancel");
  return <Cancel className={cn(buttonVariants({ variant: "outline" }), className)} {...props} />;
}
