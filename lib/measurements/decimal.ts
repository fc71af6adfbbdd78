// Reads a number the way people type or paste it: "12,5", "1,234.5", "1.234,5", "1 234",
// "42 %", "$1,200", "−3", "(15)" and "1.5E+06" (what spreadsheets copy for large values).
// Pure: shared by the grid (to refuse a bad paste before it leaves the browser) and the
// server (which decides).

export type DecimalResult = { ok: true; value: number } | { ok: false; reason: "empty" | "not_a_number" };

// Spaces people and spreadsheets use to group thousands: space, no-break, narrow no-break, thin.
const GROUP_SPACE = /(\d)[ \u00a0\u202f\u2009'’](?=\d)/g;
const CURRENCY_SIGNS = /^[$€£¥₹]|[$€£¥₹]$/g;

/** Digits grouped by three with `separator`, e.g. "1,234,567". */
function isGrouped(integer: string, separator: string): boolean {
  const groups = integer.split(separator);
  return /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/** The digits with "." as the only decimal mark, or null when the separators make no sense. */
function normalizeSeparators(s: string): string | null {
  const comma = s.lastIndexOf(",");
  const dot = s.lastIndexOf(".");
  if (comma === -1 && dot === -1) return s;
  if (comma !== -1 && dot !== -1) {
    // Both present: whichever comes last is the decimal mark, the other groups thousands.
    const [decimal, group] = comma > dot ? [",", "."] : [".", ","];
    const at = s.lastIndexOf(decimal);
    const integer = s.slice(0, at);
    const fraction = s.slice(at + 1);
    if (!isGrouped(integer, group) || !/^\d+$/.test(fraction)) return null;
    return `${integer.split(group).join("")}.${fraction}`;
  }
  const mark = comma !== -1 ? "," : ".";
  const count = s.split(mark).length - 1;
  if (count === 1) {
    // One mark: a decimal mark ("12,5" and "12.5" are both twelve and a half).
    const [integer, fraction] = s.split(mark) as [string, string];
    if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction) || (integer + fraction).length === 0) return null;
    return `${integer || "0"}.${fraction || "0"}`;
  }
  // Several of the same mark can only be thousands groups: "1,234,567" or "1.234.567".
  return isGrouped(s, mark) ? s.split(mark).join("") : null;
}

export function parseDecimal(input: string): DecimalResult {
  let s = input.trim().replace(GROUP_SPACE, "$1").replace(/\u2212/g, "-");
  if (s === "") return { ok: false, reason: "empty" };

  let negative = false;
  const parenthesized = /^\((.*)\)$/.exec(s);
  if (parenthesized) {
    negative = true;
    s = parenthesized[1]!.trim();
  }
  s = s.replace(/\s*%$/, "").replace(CURRENCY_SIGNS, "").trim();
  const sign = /^[+-]/.exec(s);
  if (sign) {
    if (negative) return { ok: false, reason: "not_a_number" };
    negative = sign[0] === "-";
    s = s.slice(1);
  }
  // Currency signs may also sit after the sign: "-$12".
  s = s.replace(CURRENCY_SIGNS, "");

  let exponent = "";
  const scientific = /^(.*?)[eE]([+-]?\d{1,3})$/.exec(s);
  if (scientific) {
    s = scientific[1]!;
    exponent = `e${scientific[2]}`;
  }
  if (!/^[\d.,]*\d[\d.,]*$/.test(s)) return { ok: false, reason: "not_a_number" };
  const digits = normalizeSeparators(s);
  if (digits === null) return { ok: false, reason: "not_a_number" };
  const value = Number(`${negative ? "-" : ""}${digits}${exponent}`);
  if (!Number.isFinite(value)) return { ok: false, reason: "not_a_number" };
  // -0 would print as "0" but compare oddly in JSON and tests.
  return { ok: true, value: value === 0 ? 0 : value };
}
