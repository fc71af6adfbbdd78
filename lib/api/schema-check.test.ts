import { z } from "zod";
import { describe, expect, it } from "vitest";
import { schemaErrors } from "./schema-check";

const Item = z.strictObject({
  id: z.uuid(),
  period: z.iso.date(),
  kind: z.enum(["a", "b"]),
  score: z.number().min(0).max(10).nullable(),
  count: z.int().positive(),
  tags: z.array(z.string().min(1).max(3)).max(2),
  note: z.string().optional(),
});
const schema = z.toJSONSchema(Item, { target: "draft-2020-12" }) as Record<string, unknown>;
const good = { id: "0b7c3c1e-5f7a-4d2b-9a51-3f2e8d9c1a04", period: "2026-02-01", kind: "a", score: null, count: 1, tags: ["x"] };

describe("schemaErrors (JSON Schema 2020-12 subset)", () => {
  it("accepts what zod accepts", () => {
    expect(Item.safeParse(good).success).toBe(true);
    expect(schemaErrors(schema, good)).toEqual([]);
    expect(schemaErrors(schema, { ...good, score: 6.67, note: "n" })).toEqual([]);
  });

  it("refuses what zod refuses, naming where", () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...good, id: "nope" }, "/id"],
      [{ ...good, period: "2026-02-30" }, "/period"],
      [{ ...good, kind: "c" }, "/kind"],
      [{ ...good, score: 11 }, "/score"],
      [{ ...good, count: 0 }, "/count"],
      [{ ...good, count: 1.5 }, "/count"],
      [{ ...good, tags: ["x", "y", "z"] }, "/tags"],
      [{ ...good, tags: ["long"] }, "/tags/0"],
      [{ ...good, extra: true }, "/extra"],
      [{ ...good, id: undefined }, "/"],
      [{ ...good, note: 3 }, "/note"],
    ];
    for (const [value, where] of cases) {
      const clean = JSON.parse(JSON.stringify(value));
      expect(Item.safeParse(clean).success, where).toBe(false);
      const errors = schemaErrors(schema, clean);
      expect(errors.length, where).toBeGreaterThan(0);
      expect(errors.some((e) => e.startsWith(`${where}:`)), `${where}: ${errors.join("; ")}`).toBe(true);
    }
  });

  it("follows local $refs", () => {
    const root = { components: { schemas: { A: { type: "object", properties: { b: { $ref: "#/components/schemas/B" } }, required: ["b"] }, B: { type: "string", enum: ["x"] } } } };
    expect(schemaErrors({ $ref: "#/components/schemas/A" }, { b: "x" }, root)).toEqual([]);
    expect(schemaErrors({ $ref: "#/components/schemas/A" }, { b: "y" }, root)).toHaveLength(1);
  });

  it("refuses to judge with a keyword it does not know", () => {
    expect(() => schemaErrors({ type: "object", dependentRequired: { a: ["b"] } }, {})).toThrow(/dependentRequired/);
    expect(() => schemaErrors({ type: "string", format: "email" }, "a@b.c")).toThrow(/format email/);
  });
});
