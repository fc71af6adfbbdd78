// zod schemas of journeys, stages and their cards: shared by the canvas forms, the server
// actions, the JSON import and (later) the REST API. Every message names its field.
import { z } from "zod";
import { JOURNEY_TEMPLATE_KEYS } from "@/lib/journey-templates";
import { NOTE_KINDS, TOUCHPOINT_CHANNELS } from "@/lib/journeys/channels";
import { optionalText, requiredText, uuid } from "./primitives";

export const NAME_MAX = 200;
export const LONG_TEXT_MAX = 2000;
export const CARD_TEXT_MAX = 1000;
export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

/** The version of a row the person saw: every update of an existing row is conditional on it. */
export const version = z.coerce
  .number({ error: "version is required" })
  .int("version must be a whole number")
  .positive("version is required");

/**
 * An emotion score: -2 … +2, or null for "not scored yet". FormData sends "" for the empty
 * choice, so "" (and null) mean null; anything else must be a whole number in range.
 */
const EMOTION_MESSAGE = `Emotion must be a whole number from ${EMOTION_MIN} to +${EMOTION_MAX}`;
export const emotion = z.preprocess(
  (v) => (v === "" || v === null ? null : typeof v === "string" ? Number(v.trim()) : v),
  z.number({ error: EMOTION_MESSAGE }).int(EMOTION_MESSAGE).min(EMOTION_MIN, EMOTION_MESSAGE).max(EMOTION_MAX, EMOTION_MESSAGE).nullable(),
);

/** A 0-based slot in an ordered list; the upper bound depends on the list and is checked where it is known. */
export const position = z.coerce
  .number({ error: "Position must be a whole number" })
  .int("Position must be a whole number")
  .min(0, "Position must be 0 or more");

const optionalPosition = z.preprocess((v) => (v === "" || v === null ? undefined : v), position.optional());

/** For partial updates: absent means "leave as it is", unlike `optionalText` which defaults to "". */
const patchText = (label: string, max: number) => z.string({ error: `${label} must be text` }).trim().max(max, `${label} must be at most ${max} characters`).optional();

const ownerId = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.uuid({ error: "Owner must be a member of this team" }).nullable(),
);

// Journeys

export const journeyFields = {
  name: requiredText("Name", NAME_MAX),
  personaName: optionalText("Persona name", NAME_MAX),
  personaDescription: optionalText("Persona description", LONG_TEXT_MAX),
  goal: optionalText("Goal", LONG_TEXT_MAX),
  description: optionalText("Description", LONG_TEXT_MAX),
};

export const createJourneySchema = z.object({
  ...journeyFields,
  template: z.enum(JOURNEY_TEMPLATE_KEYS, { error: "Choose a template: customer lifecycle, marketing funnel or blank" }),
});

export const journeyRefSchema = z.object({ journeyId: uuid("journey"), version });

export const updateJourneySchema = z.object({ journeyId: uuid("journey"), version, ...journeyFields });

export const duplicateJourneySchema = z.object({
  journeyId: uuid("journey"),
  name: z.preprocess((v) => (v === "" ? undefined : v), requiredText("Name", NAME_MAX).optional()),
});

export const deleteJourneySchema = z.object({
  journeyId: uuid("journey"),
  version,
  confirmation: z.string({ error: "Type the journey's name to confirm" }).trim(),
});

// Stages

const stageText = {
  customerGoal: (max = LONG_TEXT_MAX) => optionalText("Customer goal", max),
  doing: (max = LONG_TEXT_MAX) => optionalText("Doing", max),
  thinking: (max = LONG_TEXT_MAX) => optionalText("Thinking", max),
  feeling: (max = LONG_TEXT_MAX) => optionalText("Feeling", max),
};

export const addStageSchema = z.object({
  journeyId: uuid("journey"),
  name: requiredText("Stage name", NAME_MAX),
  /** Where to insert (0-based); absent means at the end. */
  position: optionalPosition,
  customerGoal: stageText.customerGoal(),
  doing: stageText.doing(),
  thinking: stageText.thinking(),
  feeling: stageText.feeling(),
  emotion: emotion.optional().default(null),
});

/** A partial update: only the fields sent change (the emotion lane sends just `emotion`). */
export const updateStageSchema = z.object({
  stageId: uuid("stage"),
  version,
  name: requiredText("Stage name", NAME_MAX).optional(),
  customerGoal: patchText("Customer goal", LONG_TEXT_MAX),
  doing: patchText("Doing", LONG_TEXT_MAX),
  thinking: patchText("Thinking", LONG_TEXT_MAX),
  feeling: patchText("Feeling", LONG_TEXT_MAX),
  emotion: emotion.optional(),
});
export type StagePatch = Omit<z.infer<typeof updateStageSchema>, "stageId" | "version">;

export const moveStageSchema = z.object({ stageId: uuid("stage"), version, position });
export const removeStageSchema = z.object({ stageId: uuid("stage"), version });

// Cards: touchpoints, pain points and opportunities

const channel = z.enum(TOUCHPOINT_CHANNELS, { error: "Channel must be one from the list" });

export const touchpointFields = {
  channel,
  channelDetail: optionalText("Channel detail", NAME_MAX),
  description: requiredText("Description", CARD_TEXT_MAX),
  ownerId: ownerId.optional().default(null),
};

export const addTouchpointSchema = z.object({ stageId: uuid("stage"), ...touchpointFields });
export const updateTouchpointSchema = z.object({ touchpointId: uuid("touchpoint"), version, ...touchpointFields });
export const removeTouchpointSchema = z.object({ touchpointId: uuid("touchpoint"), version });

const noteKind = z.enum(NOTE_KINDS, { error: "Kind must be pain_point or opportunity" });
export const addNoteSchema = z.object({ stageId: uuid("stage"), kind: noteKind, text: requiredText("Text", CARD_TEXT_MAX) });
export const updateNoteSchema = z.object({ noteId: uuid("note"), version, text: requiredText("Text", CARD_TEXT_MAX) });
export const removeNoteSchema = z.object({ noteId: uuid("note"), version });

export const CARD_TYPES = ["touchpoint", "note"] as const;
export type CardType = (typeof CARD_TYPES)[number];

/** Moves a card within its lane or to the same lane of another stage of the journey. */
export const moveCardSchema = z.object({
  cardType: z.enum(CARD_TYPES, { error: "cardType must be touchpoint or note" }),
  cardId: uuid("card"),
  version,
  stageId: uuid("stage"),
  position,
});

// The JSON document of one journey (export and import)

export const JOURNEY_DOCUMENT_FORMAT = "cairn.journey";
export const JOURNEY_DOCUMENT_VERSION = 1;
export const DOCUMENT_MAX_STAGES = 50;
export const DOCUMENT_MAX_CARDS_PER_LANE = 200;

const list = <T extends z.ZodType>(label: string, item: T, max: number) =>
  z.array(item, { error: `${label} must be a list` }).max(max, `${label} may hold at most ${max} items`);

const documentTouchpoint = z.object(
  {
    channel,
    channelDetail: optionalText("Channel detail", NAME_MAX),
    description: requiredText("Description", CARD_TEXT_MAX),
    /** Matched by e-mail to a member of the importing team; dropped when nobody matches. */
    owner: z
      .object({ email: z.string({ error: "Owner e-mail must be text" }).trim().max(254), name: z.string().nullable().optional() }, { error: "Owner must be an object with an e-mail" })
      .nullable()
      .optional()
      .default(null),
  },
  { error: "Each touchpoint must be an object" },
);

const documentStage = z.object(
  {
    name: requiredText("Stage name", NAME_MAX),
    customerGoal: stageText.customerGoal(),
    doing: stageText.doing(),
    thinking: stageText.thinking(),
    feeling: stageText.feeling(),
    emotion: emotion.optional().default(null),
    touchpoints: list("Touchpoints", documentTouchpoint, DOCUMENT_MAX_CARDS_PER_LANE).optional().default([]),
    painPoints: list("Pain points", requiredText("Pain point", CARD_TEXT_MAX), DOCUMENT_MAX_CARDS_PER_LANE).optional().default([]),
    opportunities: list("Opportunities", requiredText("Opportunity", CARD_TEXT_MAX), DOCUMENT_MAX_CARDS_PER_LANE).optional().default([]),
  },
  { error: "Each stage must be an object" },
);

export const journeyDocumentSchema = z.object(
  {
    format: z.literal(JOURNEY_DOCUMENT_FORMAT, { error: `format must be "${JOURNEY_DOCUMENT_FORMAT}"` }),
    formatVersion: z.literal(JOURNEY_DOCUMENT_VERSION, { error: `formatVersion must be ${JOURNEY_DOCUMENT_VERSION}` }),
    exportedAt: z.string().optional(),
    journey: z.object(
      { ...journeyFields, stages: list("Stages", documentStage, DOCUMENT_MAX_STAGES) },
      { error: "journey must be an object with a name and stages" },
    ),
  },
  { error: "The document must be a JSON object exported from Cairn" },
);
export type JourneyDocument = z.infer<typeof journeyDocumentSchema>;
export type JourneyDocumentInput = z.input<typeof journeyDocumentSchema>;

/** About 2 MB: far above a real journey, low enough to refuse a stray upload early. */
export const DOCUMENT_MAX_CHARS = 2_000_000;
export const importJourneySchema = z.object({
  document: z
    .string({ error: "Choose a file or paste the JSON of a journey" })
    .trim()
    .min(1, "Choose a file or paste the JSON of a journey")
    .max(DOCUMENT_MAX_CHARS, "The document is too large (at most 2 MB)"),
});
