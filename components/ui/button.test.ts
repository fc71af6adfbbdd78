// Each part of a button's look is one component class (app/globals.css), so every combination
// is the base plus at most one class per variant, size and alignment, and each of those classes
// is defined in the stylesheet.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buttonVariants } from "./button";

const VARIANTS = ["default", "secondary", "outline", "ghost", "destructive", "link"] as const;
const SIZES = ["sm", "md", "lg", "icon", "xs", "icon-sm", "inline"] as const;
const ALIGNS = ["center", "start"] as const;

const css = fs.readFileSync(path.join(import.meta.dirname, "../../app/globals.css"), "utf8");

describe("buttonVariants", () => {
  it.each(VARIANTS.flatMap((variant) => SIZES.flatMap((size) => ALIGNS.map((align) => ({ variant, size, align })))))(
    "$variant $size $align is the base and one class per part, each defined in globals.css",
    (props) => {
      const classes = buttonVariants(props).split(/\s+/).filter(Boolean);
      expect(classes[0]).toBe("btn");
      expect(classes).toContain(`btn-${props.variant}`);
      expect(classes).toContain(`btn-${props.size}`);
      expect(classes.length).toBe(props.align === "start" ? 4 : 3);
      for (const c of classes) expect(css, c).toMatch(new RegExp(`\\.${c}\\s*\\{`));
    },
  );
});
