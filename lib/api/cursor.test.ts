import { z } from "zod";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, pageOf } from "./cursor";

const key = z.object({ id: z.uuid() });
const ID = "0b7c3c1e-5f7a-4d2b-9a51-3f2e8d9c1a04";

describe("cursors", () => {
  it("round-trip the key of the list they were made for", () => {
    const cursor = encodeCursor("scorecards", { id: ID });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor("scorecards", cursor, key)).toEqual({ id: ID });
    expect(decodeCursor("scorecards", undefined, key)).toBeUndefined();
  });

  it("refuse another list's cursor, an edited one and garbage with a 422 naming cursor", () => {
    const other = encodeCursor("journeys", { id: ID });
    const edited = encodeCursor("scorecards", { id: "1; drop table kpis" });
    for (const bad of [other, edited, "not-base64!", "", Buffer.from("[1,2]").toString("base64url")]) {
      try {
        decodeCursor("scorecards", bad, key);
        expect.unreachable(bad);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(422);
        expect((error as AppError).extra.fieldErrors).toEqual({ "query:cursor": ["cursor is not valid for this list"] });
      }
    }
  });

  it("make a next cursor only when there is one more row than the limit", () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    expect(pageOf(rows, 3, "x", (r) => r.n)).toEqual({ items: rows, nextCursor: null });
    const page = pageOf(rows, 2, "x", (r) => r.n);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor("x", page.nextCursor!, z.number())).toBe(2);
  });
});
