// Button and buttonVariants: the one clickable control, in six variants and seven sizes.
import { Slot } from "./slot";
import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

// The base look is the `.btn` component class (app/globals.css): one short class in every page's HTML.
export const buttonVariants = cva(
  "btn",
  {
    variants: {
      variant: {
        default: "bg-primary text-primary-foreground hover:bg-primary-hover",
        secondary: "bg-secondary text-secondary-foreground hover:bg-secondary-hover",
        outline: "border border-input bg-background hover:bg-accent hover:text-accent-foreground",
        ghost: "hover:bg-accent hover:text-accent-foreground",
        destructive: "bg-destructive text-destructive-foreground hover:bg-destructive-hover",
        link: "text-primary underline-offset-4 hover:underline",
      },
      // Each size owns its height, padding, gap and text size, so none is set twice. sm to icon
      // keep a 40px tap target; xs and icon-sm (32px) are for dense grids (journey canvas,
      // alignment matrix); inline has no box of its own (a link-styled button inside a sentence).
      size: {
        sm: "h-10 gap-1.5 px-3 text-sm",
        md: "h-10 gap-2 px-4 text-sm",
        lg: "h-12 gap-2 px-6 text-base",
        icon: "size-10 gap-2 text-sm",
        xs: "h-8 gap-1.5 px-2 text-sm",
        "icon-sm": "size-8 gap-2 text-sm",
        inline: "gap-2 text-sm",
      },
      /** Where the content sits when the button is wider than it (full-width rows). */
      align: {
        center: "justify-center",
        start: "justify-start",
      },
    },
    defaultVariants: { variant: "default", size: "md", align: "center" },
  },
);

export type ButtonProps = ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & {
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
      data-slot="button"
      type={asChild ? type : (type ?? "button")}
      className={cn(buttonVariants({ variant, size, align }), className)}
      {...props}
    />
  );
}
