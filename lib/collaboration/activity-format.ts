// Activity rows in words: "changed the target of KPI “NPS”: 40 → 45 (reason)". Pure, so the
// feed, the history panels and their tests share one wording.

export interface ActivityLike {
  entityType: string;
  action: string;
  field: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export const ENTITY_NOUNS: Record<string, string> = {
  team: "team",
  membership: "membership",
  invitation: "invitation",
  journey: "journey",
  stage: "stage",
  touchpoint: "touchpoint",
  stage_note: "stage note",
  scorecard: "scorecard",
  perspective: "perspective",
  objective: "objective",
  objective_link: "strategy-map link",
  kpi: "KPI",
  measurement: "value",
  initiative: "initiative",
  comment: "comment",
  share_link: "share link",
  api_key: "API key",
};

const FIELD_LABELS: Record<string, string> = {
  ownerId: "owner",
  perspectiveId: "perspective",
  journeyId: "journey",
  parentId: "parent scorecard",
  contributesTo: "contributions",
  stageIds: "stages served",
  targetMax: "top of the target range",
  redThreshold: "red threshold",
  customerGoal: "customer goal",
  dueDate: "due date",
  startDate: "start date",
  personaName: "persona",
  personaDescription: "persona description",
  fiscalYearStartMonth: "fiscal-year start",
  timeZone: "time zone",
  body: "text",
};

/** "redThreshold" → "red threshold", with a few names people use instead. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** A before/after value for people: member ids become names, long text is cut, nothing prints as "[object Object]". */
export function formatValue(value: unknown, names: ReadonlyMap<string, string> = new Map()): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return Number.isFinite(value) ? number.format(value) : "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") {
    if (UUID.test(value)) return names.get(value) ?? "another item";
    const flat = value.replace(/\s+/g, " ").trim();
    return flat.length > 80 ? `“${flat.slice(0, 79)}…”` : /^\d{4}-\d{2}-\d{2}/.test(flat) ? flat : `“${flat}”`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    if (value.every((v) => typeof v === "string" && !UUID.test(v))) return value.map((v) => formatValue(v, names)).join(", ");
    const named = value.filter((v): v is string => typeof v === "string" && names.has(v)).map((v) => names.get(v)!);
    return named.length === value.length ? named.join(", ") : `${value.length} item${value.length === 1 ? "" : "s"}`;
  }
  return "…";
}

export interface ActivityDescription {
  /** "changed", "created", "commented on" … */
  verb: string;
  /** "KPI", "objective" … */
  noun: string;
  /** "target: 40 → 45", or a short quote for comments; absent when there is nothing more to say. */
  detail?: string;
  reason?: string;
}

export function describeActivity(entry: ActivityLike, names: ReadonlyMap<string, string> = new Map()): ActivityDescription {
  const noun = ENTITY_NOUNS[entry.entityType] ?? entry.entityType.replace(/_/g, " ");
  const reason = entry.reason?.trim() || undefined;
  if (entry.entityType === "comment") {
    const quote = (v: unknown) => {
      const text = v && typeof v === "object" && "excerpt" in v ? String((v as { excerpt: unknown }).excerpt ?? "") : typeof v === "string" ? v : "";
      return text ? formatValue(text) : undefined;
    };
    if (entry.action === "create") return { verb: "commented on", noun: "", detail: quote(entry.after) };
    if (entry.action === "delete") return { verb: "deleted a comment on", noun: "", detail: quote(entry.before) };
    return { verb: "edited a comment on", noun: "", detail: quote(entry.after) };
  }
  switch (entry.action) {
    case "create":
      return { verb: "created", noun, reason };
    case "delete":
      return { verb: "deleted", noun, reason };
    case "archive":
      return { verb: "archived", noun, reason };
    case "restore":
      return { verb: "restored", noun, reason };
    case "purge":
      return { verb: "permanently deleted", noun, reason };
    case "move":
      return { verb: "moved", noun, detail: entry.field ? changeDetail(entry, names) : undefined, reason };
    default:
      return { verb: entry.field ? `changed the ${fieldLabel(entry.field)} of` : "changed", noun, detail: entry.field ? changeDetail(entry, names) : undefined, reason };
  }
}

function changeDetail(entry: ActivityLike, names: ReadonlyMap<string, string>): string {
  return `${formatValue(entry.before, names)} → ${formatValue(entry.after, names)}`;
}

/** A label for an entity that no longer exists, from what its own activity rows recorded. */
export function labelFromRow(entry: Pick<ActivityLike, "before" | "after">): string | undefined {
  for (const side of [entry.after, entry.before]) {
    if (side && typeof side === "object" && !Array.isArray(side)) {
      const record = side as Record<string, unknown>;
      for (const key of ["title", "name", "email"]) if (typeof record[key] === "string" && record[key]) return record[key] as string;
    }
  }
  return undefined;
}
