// A scorecard form's fields as the person has them now (names, visible labels, values, the
// words of each choice), to compare with the saved row of a 409; and the reverse, putting the
// saved values into the fields when the person takes theirs.
import { formValueOf, type ConflictFieldKind, type FormFieldSnapshot } from "@/lib/collaboration/conflict-fields";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const SKIPPED_TYPES = new Set(["hidden", "submit", "button", "reset", "file", "image"]);

function controls(form: HTMLFormElement): Control[] {
  return Array.from(form.elements).filter(
    (e): e is Control => (e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement) && e.name !== "" && !e.disabled,
  );
}

const isToggle = (e: Control): e is HTMLInputElement => e instanceof HTMLInputElement && (e.type === "checkbox" || e.type === "radio");

/** A label's words without its decorations (the "(required)" mark is aria-hidden). */
function words(element: Element | null | undefined): string {
  if (!element) return "";
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((node) => node.remove());
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

export function snapshotFields(form: HTMLFormElement): FormFieldSnapshot[] {
  const fields = new Map<string, { name: string; label: string; kind: ConflictFieldKind; mine: string | string[]; options?: Record<string, string> }>();
  for (const element of controls(form)) {
    const { name } = element;
    if (element instanceof HTMLInputElement && SKIPPED_TYPES.has(element.type)) continue;
    if (isToggle(element)) {
      // A group of checkboxes (or radios) under one legend is one field.
      const radio = element.type === "radio";
      const field = fields.get(name) ?? { name, label: words(element.closest("fieldset")?.querySelector("legend")) || name, kind: radio ? "choice" : "choices", mine: radio ? "" : [], options: {} };
      field.options![element.value] = words(element.labels?.[0]) || element.value;
      if (element.checked) field.mine = radio ? element.value : [...(field.mine as string[]), element.value];
      fields.set(name, field);
      continue;
    }
    const label = words(element.labels?.[0]) || name;
    if (element instanceof HTMLSelectElement) {
      fields.set(name, { name, label, kind: "choice", mine: element.value, options: Object.fromEntries(Array.from(element.options).map((o) => [o.value, o.text])) });
    } else {
      fields.set(name, { name, label, kind: element instanceof HTMLInputElement && element.type === "number" ? "number" : "text", mine: element.value });
    }
  }
  return [...fields.values()];
}

/** Take theirs: the saved values go into the fields the saved row has; the others are left as they are. */
export function fillFields(form: HTMLFormElement, fields: readonly FormFieldSnapshot[], current: Readonly<Record<string, unknown>>): void {
  const kinds = new Map(fields.filter((f) => Object.hasOwn(current, f.name)).map((f) => [f.name, f.kind]));
  for (const element of controls(form)) {
    const kind = kinds.get(element.name);
    if (!kind) continue;
    const value = formValueOf(kind, current[element.name]);
    if (isToggle(element)) element.checked = Array.isArray(value) ? value.includes(element.value) : value === element.value;
    else element.value = Array.isArray(value) ? (value[0] ?? "") : value;
  }
}

/** The control of a field, to put the person's focus on it. */
export function controlOf(form: HTMLFormElement, name: string): Control | undefined {
  return controls(form).find((e) => e.name === name && !(e instanceof HTMLInputElement && SKIPPED_TYPES.has(e.type)));
}
