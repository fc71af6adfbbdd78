// The expiry choices offered when creating a share link. Kept apart from share-token.ts, which
// needs node:crypto, so the form that imports these stays small in the browser.
export const MAX_SHARE_DAYS = 365;

/** Days until the link expires; "" means never. */
export const SHARE_EXPIRY_CHOICES = [
  { value: "", label: "Never" },
  { value: "1", label: "In 1 day" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In 1 year" },
] as const;
