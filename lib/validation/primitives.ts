import { z } from "zod";
import { COMMON_PASSWORDS } from "@/lib/auth/common-passwords";

/** Reusable zod pieces with human messages, shared by forms, actions and the REST API. */
// PostgreSQL refuses NUL in text: say so at the edge instead of failing in the database.
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !v.includes("\u0000"), `${label} contains an invalid character`);

export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !v.includes("\u0000"), `${label} contains an invalid character`)
    .optional()
    .default("");

export const email = z
  .string({ error: "E-mail is required" })
  .trim()
  .toLowerCase()
  .min(1, "E-mail is required")
  .max(254, "E-mail must be at most 254 characters")
  .pipe(z.email({ error: "Enter an e-mail address such as name@company.com" }));

export const PASSWORD_MIN = 10;

/** Length and a check against a bundled list of the most common breached passwords. */
export const newPassword = z
  .string({ error: "Password is required" })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(128, "Password must be at most 128 characters")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "This password is too common: it appears in lists of breached passwords");

export const slug = z
  .string({ error: "URL name is required" })
  .trim()
  .toLowerCase()
  .min(3, "URL name must be at least 3 characters")
  .max(40, "URL name must be at most 40 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "URL name may contain only lowercase letters, digits and single dashes")
  .refine((s) => !RESERVED_SLUGS.has(s), "This URL name is reserved");

const RESERVED_SLUGS = new Set(["new", "api", "app", "admin", "settings", "share", "sign-in", "sign-up", "dev", "t", "www", "help"]);

export const uuid = (label = "id") => z.uuid({ error: `${label} must be a valid id` });

/** FormData gives strings: "" means absent, numbers need explicit coercion. */
export const formNumber = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v.replace(",", ".")) : v),
    z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be a number`),
  );

/** Turns a title into a URL name candidate: "Acme Outdoor" → "acme-outdoor". */
export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}
