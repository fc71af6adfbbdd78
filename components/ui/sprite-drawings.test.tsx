import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SPRITE_NAMES, SpriteSheet, spriteDrawing } from "./sprite-drawings";

describe("sprite drawings", () => {
  it("draws every sprite icon as plain shapes in lucide's stroke style", () => {
    expect(SPRITE_NAMES).toHaveLength(26);
    for (const name of SPRITE_NAMES) {
      const markup = renderToStaticMarkup(<svg>{spriteDrawing(name)}</svg>);
      expect(markup, name).toMatch(/^<svg><g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><(path|circle|line|rect|polyline)\b/);
      expect(markup, name).not.toContain("key=");
    }
    expect(renderToStaticMarkup(<svg>{spriteDrawing("circle-check")}</svg>)).toContain('<circle cx="12" cy="12" r="10"></circle>');
  });

  it("puts one symbol per icon in the hidden sheet, with the id SpriteIcon refers to", () => {
    const sheet = renderToStaticMarkup(<SpriteSheet />);
    expect(sheet).toMatch(/^<svg aria-hidden="true" width="0" height="0"/);
    expect([...sheet.matchAll(/<symbol id="icon-([a-z-]+)"/g)].map((m) => m[1])).toEqual(SPRITE_NAMES);
  });
});
