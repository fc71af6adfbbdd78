// Input: a styled native text input (40px tall, 16px text on phones so iOS does not zoom).
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

export interface InputLook {
  /** Fill the container (default). Pass false to size it with a width class instead. */
  fullWidth?: boolean;
  /** Monospace and 12px on phones: keys, tokens, JSON. From sm up it is 14px like every field. */
  mono?: boolean;
}

/** The look Input, Textarea and Select share. Width and font are options, never set twice. */
export function inputClasses({ fullWidth = true, mono = false }: InputLook = {}): string {
  return cn(
    "block min-w-0 rounded-md border border-input bg-background px-3 text-foreground shadow-xs transition-colors placeholder:text-muted-foreground disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive sm:text-sm",
    fullWidth && "w-full",
    mono ? "font-mono text-xs" : "text-base",
  );
}

export type InputProps = ComponentProps<"input"> & InputLook;

export function Input({ className, type = "text", fullWidth, mono, ...props }: InputProps) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(
        inputClasses({ fullWidth, mono }),
        "h-10 file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium",
        className,
      )}
      {...props}
    />
  );
}
