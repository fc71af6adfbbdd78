// Input of the collaboration actions and pages (comments, inbox, activity), checked at the edge.
import { z } from "zod";
import { isIsoDate } from "@/lib/periods";
import { uuid } from "@/lib/validation/primitives";
import { COMMENT_MAX, COMMENTABLE, FEED_TYPES, HISTORY_TYPES } from "./constants";

const version = z.coerce.number<unknown>({ error: "version must be a number" }).int("version must be a whole number").min(1, "version must be 1 or more");

const body = z
  .string({ error: "Write a comment first" })
  .trim()
  .min(1, "Write a comment first")
  .max(COMMENT_MAX, `A comment must be at most ${COMMENT_MAX} characters`)
  .refine((v) => !v.includes("\u0000"), "The comment contains an invalid character");

export const threadSchema = z.object({
  entityType: z.enum(COMMENTABLE, { error: "Comments hang on an objective, a KPI, an initiative or a stage" }),
  entityId: uuid("entityId"),
});

export const commentCreateSchema = threadSchema.extend({ body });
export const commentUpdateSchema = z.object({ commentId: uuid("comment"), version, body });
export const commentDeleteSchema = z.object({ commentId: uuid("comment"), version });

export const historySchema = z.object({
  entityType: z.enum(HISTORY_TYPES, { error: "History is kept for objectives and KPIs" }),
  entityId: uuid("entityId"),
});

const ids = z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(uuid("notification")).min(1, "Choose a notification").max(500));
export const markReadSchema = z.object({ ids });
export const markAllReadSchema = z.object({});

/** A checkbox: "on"/"true" when ticked, absent (or "false") when not. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
export const emailDigestSchema = z.object({ emailDigest: checkbox });

export type CommentCreateInput = z.infer<typeof commentCreateSchema>;
export type CommentUpdateInput = z.infer<typeof commentUpdateSchema>;
export type CommentDeleteInput = z.infer<typeof commentDeleteSchema>;

const optionalParam = z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, z.string().optional());

/**
 * The feed's URL filters. A bad value is ignored (the filter drops) rather than erroring:
 * a hand-edited URL still shows a feed, and the form shows what actually applied.
 */
export const feedFilterSchema = z.object({
  type: optionalParam.transform((v) => ((FEED_TYPES as readonly string[]).includes(v ?? "") ? (v as (typeof FEED_TYPES)[number]) : undefined)),
  person: optionalParam.transform((v) => (v && uuid().safeParse(v).success ? v : undefined)),
  from: optionalParam.transform((v) => (isIsoDate(v) ? v : undefined)),
  to: optionalParam.transform((v) => (isIsoDate(v) ? v : undefined)),
  before: optionalParam.transform((v) => (v && /^\d{1,15}$/.test(v) ? Number(v) : undefined)),
});
export type FeedFilter = z.infer<typeof feedFilterSchema>;
