// Opaque pagination cursors: the last item's sort key, tagged with the list it belongs to,
// base64url-encoded JSON. Clients must treat them as opaque; the server checks the shape, so
// a cursor from another list or an edited one is a 422 naming `cursor`, never a SQL error.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { QUERY } from "./problem";

export function encodeCursor(list: string, key: unknown): string {
  return Buffer.from(JSON.stringify({ l: list, k: key })).toString("base64url");
}

export function decodeCursor<T>(list: string, cursor: string | undefined, key: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { l?: unknown; k?: unknown };
    if (decoded.l === list) {
      const parsed = key.safeParse(decoded.k);
      if (parsed.success) return parsed.data;
    }
  } catch {
    // falls through to the refusal below
  }
  throw new AppError("validation", "This cursor is not valid for this list: pass the nextCursor of the previous page as it was.", {
    fieldErrors: { [`${QUERY}cursor`]: ["cursor is not valid for this list"] },
  });
}

/** `limit + 1` rows were asked for: the extra one only says whether there is a next page. */
export function pageOf<T, K>(rows: T[], limit: number, list: string, keyOf: (row: T) => K): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(list, keyOf(last)) : null };
}

/** Key of creation-ordered lists: created_at as PostgreSQL prints it, and the id. */
export const createdKey = z.object({
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/),
  id: z.uuid(),
});

/** Key of a KPI's values, newest first: the last period seen. */
export const periodKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
