"use client";
// The heavy half of Dialog (see dialog.tsx): Radix's modal root, overlay and content, loaded when
// a dialog first opens.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";

import { cn } from "@/lib/cn";
import type { DialogContentProps } from "./dialog";
import type { OverlayState } from "./lazy-overlay";

const MAX_WIDTH = { lg: "max-w-lg", xl: "max-w-xl", "2xl": "max-w-2xl" } as const;

export default function DialogContentImpl({
  state,
  title,
  description,
  hideClose = false,
  maxWidth = "lg",
  className,
  children,
  onCloseAutoFocus,
  ...props
}: DialogContentProps & { state: OverlayState }) {
  return (
    <DialogPrimitive.Root open={state.open} onOpenChange={state.onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-overlay data-[state=open]:animate-fade-in" />
        <DialogPrimitive.Content
          data-slot="dialog-content"
          id={state.contentId}
          // Radix warns when no Description exists unless aria-describedby is explicitly undefined.
          {...(description ? {} : { "aria-describedby": undefined })}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto rounded-lg border bg-popover p-4 text-popover-foreground shadow-lg data-[state=open]:animate-dialog-in sm:p-6",
            MAX_WIDTH[maxWidth],
            className,
          )}
          {...props}
          // Radix returns focus to its own Trigger; ours lives in dialog.tsx, so do it here.
          onCloseAutoFocus={(event) => {
            onCloseAutoFocus?.(event);
            if (event.defaultPrevented) return;
            event.preventDefault();
            state.triggerRef.current?.focus();
          }}
        >
          <div className="flex flex-col gap-1.5 pr-8">
            <DialogPrimitive.Title className="text-lg leading-tight font-semibold">{title}</DialogPrimitive.Title>
            {description ? (
              <DialogPrimitive.Description className="text-sm text-muted-foreground">{description}</DialogPrimitive.Description>
            ) : null}
          </div>
          {children}
          {hideClose ? null : (
            <DialogPrimitive.Close
              aria-label="Close"
              className="absolute top-2 right-2 inline-flex size-10 cursor-pointer items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-accent-foreground"
            >
              <X aria-hidden="true" className="size-4" />
            </DialogPrimitive.Close>
          )}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
