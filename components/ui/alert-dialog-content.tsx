"use client";
// The heavy half of AlertDialog (see alert-dialog.tsx): Radix's alert dialog, loaded on first open.
import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";

import { cn } from "@/lib/cn";
import { AlertDialogParts, type AlertDialogContentProps } from "./alert-dialog";
import type { OverlayState } from "./lazy-overlay";

// Action and Cancel must be Radix's own (Cancel gets the initial focus), so the light
// AlertDialogAction/AlertDialogCancel render these through context.
const parts = { Action: AlertDialogPrimitive.Action, Cancel: AlertDialogPrimitive.Cancel };

export default function AlertDialogContentImpl({
  state,
  title,
  description,
  className,
  children,
  onCloseAutoFocus,
  ...props
}: AlertDialogContentProps & { state: OverlayState }) {
  return (
    <AlertDialogPrimitive.Root open={state.open} onOpenChange={state.onOpenChange}>
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className="fixed inset-0 z-50 bg-overlay data-[state=open]:animate-fade-in" />
        <AlertDialogPrimitive.Content
          data-slot="alert-dialog-content"
          id={state.contentId}
          {...(description ? {} : { "aria-describedby": undefined })}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto rounded-lg border bg-popover p-4 text-popover-foreground shadow-lg data-[state=open]:animate-dialog-in sm:p-6",
            className,
          )}
          {...props}
          // Radix returns focus to its own Trigger; ours lives in alert-dialog.tsx, so do it here.
          onCloseAutoFocus={(event) => {
            onCloseAutoFocus?.(event);
            if (event.defaultPrevented) return;
            event.preventDefault();
            state.triggerRef.current?.focus();
          }}
        >
          <div className="flex flex-col gap-1.5">
            <AlertDialogPrimitive.Title className="text-lg leading-tight font-semibold">{title}</AlertDialogPrimitive.Title>
            {description ? (
              <AlertDialogPrimitive.Description className="text-sm text-muted-foreground">
                {description}
              </AlertDialogPrimitive.Description>
            ) : null}
          </div>
          <AlertDialogParts.Provider value={parts}>{children}</AlertDialogParts.Provider>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}
