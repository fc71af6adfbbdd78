// cn() no longer resolves Tailwind conflicts, so each variant must set every property once:
// the base sets no height, padding, gap, text size or alignment, each size sets its own.
import { describe, expect, it } from "vitest";
import { buttonVariants } from "./button";

const VARIANTS = ["default", "secondary", "outline", "ghost", "destructive", "link"] as const;
const SIZES = ["sm", "md", "lg", "icon", "xs", "icon-sm", "inline"] as const;
const ALIGNS = ["center", "start"] as const;

const count = (classes: string[], pattern: RegExp) => classes.filter((c) => pattern.test(c)).length;

describe("buttonVariants", () => {
  it.each(VARIANTS.flatMap((variant) => SIZES.flatMap((size) => ALIGNS.map((align) => ({ variant, size, align })))))(
    "$variant $size $align sets each property at most once",
    (props) => {
      const classes = buttonVariants(props).split(/\s+/);
      expect(new Set(classes).size).toBe(classes.length);
      expect(count(classes, /^(h|size)-/)).toBeLessThanOrEqual(1);
      expect(count(classes, /^(p|px)-/)).toBeLessThanOrEqual(1);
      expect(count(classes, /^gap-/)).toBe(1);
      expect(count(classes, /^text-(xs|sm|base|lg)$/)).toBe(1);
      expect(count(classes, /^justify-/)).toBe(1);
      expect(count(classes, /^(bg|text)-(primary|secondary|destructive)(-foreground)?$/)).toBeLessThanOrEqual(2);
    },
  );
});
