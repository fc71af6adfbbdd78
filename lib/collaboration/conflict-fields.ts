// A stale write, field by field: what this person has in the form against what the other
// person saved (the 409's `current` row), in the words the form uses, for the fields that
// differ. Pure: the form hands in a snapshot of its fields, so this is tested without a DOM.

export type ConflictFieldKind = "text" | "number" | "choice" | "choices";

export interface FormFieldSnapshot {
  /** The field's name, which is also the key of the saved row (`title`, `target`, `ownerId`…). */
  name: string;
  /** The field's visible label. */
  label: string;
  kind: ConflictFieldKind;
  /** What the person typed or chose; for `choices` (a group of checkboxes) the ticked values. */
  mine: string | readonly string[];
  /** For `choice` and `choices`: value → the words the form shows for it. */
  options?: Readonly<Record<string, string>>;
}

export interface ConflictRow {
  name: string;
  label: string;
  mine: string;
  theirs: string;
}

const EMPTY = "(empty)";
const NONE = "(none)";

function asNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = String(value).trim().replace(",", ".");
  if (text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const asText = (value: unknown) => (value === null || value === undefined ? "" : String(value));
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === null || value === undefined || value === "" ? [] : [String(value)]);

function choiceWords(value: string, options: FormFieldSnapshot["options"]): string {
  const words = options?.[value];
  if (words !== undefined && words !== "") return words;
  return value === "" ? NONE : value;
}

function listWords(values: readonly string[], options: FormFieldSnapshot["options"]): string {
  if (values.length === 0) return NONE;
  // In the form's own order when it knows the values, so both sides read alike.
  const order = options ? Object.keys(options) : [];
  const sorted = [...values].sort((a, b) => (order.indexOf(a) === -1 ? Infinity : order.indexOf(a)) - (order.indexOf(b) === -1 ? Infinity : order.indexOf(b)));
  return sorted.map((v) => choiceWords(v, options)).join(", ");
}

/** Whether the person's value and the saved one mean the same, for this kind of field. */
function same(field: FormFieldSnapshot, theirs: unknown): boolean {
  switch (field.kind) {
    case "number":
      return asNumber(field.mine) === asNumber(theirs);
    case "choices": {
      const mine = new Set(asList(field.mine));
      const saved = new Set(asList(theirs));
      return mine.size === saved.size && [...mine].every((v) => saved.has(v));
    }
    case "choice":
      return asText(field.mine) === asText(theirs);
    default:
      return asText(field.mine).trim() === asText(theirs).trim();
  }
}

function words(field: FormFieldSnapshot, value: unknown): string {
  switch (field.kind) {
    case "number": {
      const n = asNumber(value);
      return n === null ? EMPTY : String(n);
    }
    case "choices":
      return listWords(asList(value), field.options);
    case "choice":
      return choiceWords(asText(value), field.options);
    default: {
      const text = asText(value).trim();
      return text === "" ? EMPTY : text;
    }
  }
}

/**
 * The fields whose value in the form differs from the saved row, with both values in words.
 * Fields the row does not have (a reason for the change, hidden ids) are left out.
 */
export function conflictRows(fields: readonly FormFieldSnapshot[], current: Readonly<Record<string, unknown>>): ConflictRow[] {
  return fields
    .filter((field) => Object.hasOwn(current, field.name) && !same(field, current[field.name]))
    .map((field) => ({ name: field.name, label: field.label, mine: words(field, field.mine), theirs: words(field, current[field.name]) }));
}

/** The saved value as a form control holds it: "" for nothing, the ticked values for a group. */
export function formValueOf(kind: ConflictFieldKind, saved: unknown): string | string[] {
  if (kind === "choices") return asList(saved);
  if (kind === "number") {
    const n = asNumber(saved);
    return n === null ? "" : String(n);
  }
  return asText(saved);
}

/** The version of the saved row a 409 carried, when it has one. */
export function versionOf(current: unknown): number | null {
  if (!current || typeof current !== "object" || !("version" in current)) return null;
  const version = Number((current as { version: unknown }).version);
  return Number.isInteger(version) ? version : null;
}
