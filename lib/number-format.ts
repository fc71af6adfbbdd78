// One Intl.NumberFormat per set of options: constructing one costs tens of microseconds, and a
// 128-KPI scorecard page formats thousands of numbers. The options are few (units, ISO currency
// codes, digit counts), so the map stays small.
const formats = new Map<string, Intl.NumberFormat>();

export function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", options);
    formats.set(key, format);
  }
  return format;
}
