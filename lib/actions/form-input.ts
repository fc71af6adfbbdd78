/** FormData → plain object: repeated keys become arrays, Next's internal `$ACTION_*` keys are dropped. */
export function formDataToObject(input: FormData | Record<string, unknown> | undefined | null): Record<string, unknown> {
  if (!input) return {};
  if (!(input instanceof FormData)) return input;
  const result: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = input.getAll(key).map((v) => (typeof v === "string" ? v : v));
    result[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  return result;
}
