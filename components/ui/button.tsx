// Button and buttonVariants: the one clickable control, in six variants and seven sizes.
import { Slot } from "./slot";
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

// Each part of the look is one component class (app/globals.css: .btn, .btn-<variant>,
// .btn-<size>, .btn-start): a few short classes in every page's HTML and RSC payload instead of a
// utility list per button (a 128-KPI editor has hundreds). A caller's utility still wins, the
// utilities layer coming after the components layer. With one class per part, naming them needs
// no variant library in every page's JavaScript.
export type ButtonVariant = "default" | "secondary" | "outline" | "ghost" | "destructive" | "link";
/**
 * sm to icon keep a 40px tap target; xs and icon-sm (32px) are for dense grids (journey canvas,
 * alignment matrix); inline has no box of its own (a link-styled button inside a sentence).
 */
export type ButtonSize = "sm" | "md" | "lg" | "icon" | "xs" | "icon-sm" | "inline";
/** Where the content sits when the button is wider than it (full-width rows); centred by default. */
export type ButtonAlign = "center" | "start";

export interface ButtonVariantProps {
  variant?: ButtonVariant | null;
  size?: ButtonSize | null;
  align?: ButtonAlign | null;
}

export function buttonVariants({ variant, size, align }: ButtonVariantProps = {}): string {
  return cn("btn", `btn-${variant ?? "default"}`, `btn-${size ?? "md"}`, align === "start" && "btn-start");
}

export type ButtonProps = ComponentProps<"button"> &
  ButtonVariantProps & {
    /** Render the single child (e.g. a <Link>) with the button's styles instead of a <button>. */
    asChild?: boolean;
  };

/**
 * Callers of `size="icon"` (or any button without visible text) MUST pass `aria-label`:
 * the icon is decorative and the button would otherwise have no accessible name.
 * `type` defaults to "button" so a button inside a form never submits by accident;
 * pass `type="submit"` for the submit button.
 */
export function Button({ className, variant, size, align, asChild = false, type, ...props }: ButtonProps) {
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      type={asChild ? type : (type ?? "button")}
      className={cn(buttonVariants({ variant, size, align }), className)}
      {...props}
    />
  );
}
