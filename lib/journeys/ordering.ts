// Pure list ordering for stages and cards: where everything ends up after one move, and
// which rows actually change position. Impossible positions are refused, never clamped:
// a move to slot 9 of a 6-stage journey is a mistake to report, not to guess at.

export type OrderResult = { ok: true; order: string[] } | { ok: false; message: string };
export type TransferResult = { ok: true; source: string[]; target: string[] } | { ok: false; message: string };

function checkSlot(position: number, slots: number, what: string): string | null {
  if (!Number.isInteger(position) || position < 0 || position >= slots) {
    return slots <= 1
      ? `Position must be 0: ${what} has only one place`
      : `Position must be a whole number from 0 to ${slots - 1}`;
  }
  return null;
}

/** Moves `id` within `order` so that it ends at index `position` (0 … length-1). */
export function moveWithin(order: readonly string[], id: string, position: number): OrderResult {
  const from = order.indexOf(id);
  if (from === -1) return { ok: false, message: "This item is not in the list" };
  const problem = checkSlot(position, order.length, "the list");
  if (problem) return { ok: false, message: problem };
  const next = order.filter((x) => x !== id);
  next.splice(position, 0, id);
  return { ok: true, order: next };
}

/** Inserts a new `id` at index `position` (0 … length); `undefined` appends. */
export function insertAt(order: readonly string[], id: string, position?: number): OrderResult {
  if (order.includes(id)) return { ok: false, message: "This item is already in the list" };
  const at = position ?? order.length;
  const problem = checkSlot(at, order.length + 1, "the list");
  if (problem) return { ok: false, message: problem };
  const next = [...order];
  next.splice(at, 0, id);
  return { ok: true, order: next };
}

/** Takes `id` out of `source` and puts it at index `position` (0 … target length) of `target`. */
export function moveBetween(source: readonly string[], target: readonly string[], id: string, position: number): TransferResult {
  if (!source.includes(id)) return { ok: false, message: "This item is not in the list" };
  const inserted = insertAt(target, id, position);
  if (!inserted.ok) return inserted;
  return { ok: true, source: source.filter((x) => x !== id), target: inserted.order };
}

/** The rows whose stored position differs from their index in `order` (positions become 0, 1, 2 …). */
export function changedPositions(rows: ReadonlyArray<{ id: string; position: number }>, order: readonly string[]): Array<{ id: string; position: number }> {
  const current = new Map(rows.map((r) => [r.id, r.position]));
  const changes: Array<{ id: string; position: number }> = [];
  order.forEach((id, index) => {
    if (current.get(id) !== index) changes.push({ id, position: index });
  });
  return changes;
}

/** The keyboard alternative to dragging: one step towards the start (-1) or the end (+1), or null at the edge. */
export function stepTarget(order: readonly string[], id: string, step: -1 | 1): number | null {
  const from = order.indexOf(id);
  if (from === -1) return null;
  const to = from + step;
  return to < 0 || to >= order.length ? null : to;
}
