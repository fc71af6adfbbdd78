// How billing amounts and dates read on screen: money from Stripe's smallest unit, dates in the team's zone.

/** `amount` in the currency's smallest unit (cents for USD), as Stripe reports amounts. */
export function formatMoney(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  let digits = 2;
  try {
    digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return `${(amount / 100).toFixed(2)} ${code}`;
  }
  return new Intl.NumberFormat("en", { style: "currency", currency: code }).format(amount / 10 ** digits);
}

export function formatBillingDate(date: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(date);
  }
}

/** Whole US dollars per seat, as the pricing table shows them. */
export function formatSeatPrice(dollars: number): string {
  return new Intl.NumberFormat("en", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(dollars);
}
