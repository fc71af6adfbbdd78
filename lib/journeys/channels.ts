// The touchpoint channels a team can pick from, with the words people see. Kept free of the
// database schema so client components can import it; a test keeps it equal to the enum.

export const TOUCHPOINT_CHANNELS = [
  "website", "email", "phone", "chat", "in_app", "social", "store", "event", "partner", "sales", "support", "other",
] as const;
export type TouchpointChannel = (typeof TOUCHPOINT_CHANNELS)[number];

export const CHANNEL_LABELS: Record<TouchpointChannel, string> = {
  website: "Website",
  email: "E-mail",
  phone: "Phone",
  chat: "Chat",
  in_app: "In the app",
  social: "Social media",
  store: "Store",
  event: "Event",
  partner: "Partner",
  sales: "Sales",
  support: "Support",
  other: "Other",
};

export const NOTE_KINDS = ["pain_point", "opportunity"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_LABELS: Record<NoteKind, { one: string; many: string }> = {
  pain_point: { one: "pain point", many: "Pain points" },
  opportunity: { one: "opportunity", many: "Opportunities" },
};
