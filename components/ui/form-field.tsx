// FormField: label + one control + description + error, wired together with id/aria-* props.
import { Slot } from "./slot";
import type { ReactElement, ReactNode } from "react";

import { cn } from "@/lib/cn";
import { Label } from "./label";
import { SpriteIcon } from "./sprite-icon";

export type FormFieldProps = {
  /** Id given to the control; the label, description and error ids derive from it. */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  /** Field-level error(s) from validation; shown next to the field. */
  error?: string | readonly string[] | null;
  /** Marks the label and sets aria-required; set `required` on the control too for native checks. */
  required?: boolean;
  className?: string;
  /** Exactly one control element (Input, Textarea, Select…); do not set its id or aria-invalid yourself. */
  children: ReactElement;
};

/**
 * Server-compatible: the props are merged onto the child with Radix Slot, so no client JS is
 * needed. The error region is always rendered and `aria-live="polite"`, so an error that appears
 * after a client-side submit is announced without stealing focus (role="alert" would interrupt
 * once per field).
 */
export function FormField({ id, label, description, error, required, className, children }: FormFieldProps) {
  const errors = (typeof error === "string" ? [error] : (error ?? [])).filter((e) => e.length > 0);
  const invalid = errors.length > 0;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [invalid ? errorId : undefined, descriptionId].filter(Boolean).join(" ") || undefined;

  return (
    <div data-slot="form-field" className={cn("flex flex-col", className)}>
      <Label htmlFor={id} className="mb-2">
        {label}
        {required ? (
          <span aria-hidden="true" className="ml-1 font-normal text-muted-foreground">
            (required)
          </span>
        ) : null}
      </Label>
      <Slot
        id={id}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
      >
        {children}
      </Slot>
      {description ? (
        <p id={descriptionId} className="mt-1.5 text-sm text-muted-foreground">
          {description}
        </p>
      ) : null}
      <p id={errorId} aria-live="polite" className="mt-1.5 text-sm font-medium text-destructive empty:mt-0">
        {invalid ? (
          <>
            <SpriteIcon name="circle-alert" className="mr-1 inline size-4 -translate-y-px align-middle" />
            {errors.join(" ")}
          </>
        ) : null}
      </p>
    </div>
  );
}
