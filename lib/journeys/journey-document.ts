// A journey as a JSON document (pure): what the export route sends and the import action parses.
// Ids are left out on purpose: an import creates new rows in the importing team, and owners
// travel by e-mail so they can be matched to that team's members (or dropped).
import type { LoadedJourneyTree } from "@/db/queries/journeys";
import { clock } from "@/lib/clock";
import type { FieldErrors } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/validation/errors";
import {
  JOURNEY_DOCUMENT_FORMAT, JOURNEY_DOCUMENT_VERSION, journeyDocumentSchema, type JourneyDocument,
} from "@/lib/validation/journeys";

export function buildJourneyDocument(tree: LoadedJourneyTree, exportedAt = clock.now()): JourneyDocument {
  const { journey } = tree;
  return {
    format: JOURNEY_DOCUMENT_FORMAT,
    formatVersion: JOURNEY_DOCUMENT_VERSION,
    exportedAt: exportedAt.toISOString(),
    journey: {
      name: journey.name,
      personaName: journey.personaName,
      personaDescription: journey.personaDescription,
      goal: journey.goal,
      description: journey.description,
      stages: tree.stages.map((s) => ({
        name: s.name,
        customerGoal: s.customerGoal,
        doing: s.doing,
        thinking: s.thinking,
        feeling: s.feeling,
        emotion: s.emotion,
        touchpoints: s.touchpoints.map((t) => ({
          channel: t.channel,
          channelDetail: t.channelDetail,
          description: t.description,
          owner: t.ownerEmail ? { email: t.ownerEmail, name: t.ownerName } : null,
        })),
        painPoints: s.painPoints.map((n) => n.text),
        opportunities: s.opportunities.map((n) => n.text),
      })),
    },
  };
}

/** A file name for the download: "weekend-hiker.journey.json". */
export function documentFileName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "journey"}.journey.json`;
}

export type ParsedDocument = { ok: true; document: JourneyDocument } | { ok: false; message: string; fieldErrors: FieldErrors };

const MAX_LISTED = 5;

/**
 * Text → validated document. Every problem is reported by its path in the document
 * ("journey.stages.2.emotion"), and summed up under `document` for the form to show.
 */
export function parseJourneyDocument(text: string): ParsedDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "unreadable";
    return { ok: false, message: "This is not valid JSON.", fieldErrors: { document: [`The document is not valid JSON (${detail})`] } };
  }
  const parsed = journeyDocumentSchema.safeParse(raw);
  if (parsed.success) return { ok: true, document: parsed.data };
  const byPath = zodFieldErrors(parsed.error);
  const lines = Object.entries(byPath).map(([path, messages]) => `${path === "_" ? "document" : path}: ${messages[0]}`);
  const summary = lines.slice(0, MAX_LISTED).join("; ") + (lines.length > MAX_LISTED ? `; and ${lines.length - MAX_LISTED} more` : "");
  return {
    ok: false,
    message: "The document does not have the shape of a Cairn journey export; nothing was imported.",
    fieldErrors: { ...byPath, document: [summary] },
  };
}
