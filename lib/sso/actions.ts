"use server";
// Server actions of the team's single sign-on settings (/t/[team]/settings/sso): the identity
// provider connection, and the e-mail domains verified by DNS. Owners and admins only.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/actions/team-action";
import { requiredText, uuid } from "@/lib/validation/primitives";
import { insecureIssuersAllowed } from "./oidc";
import { addDomain, checkConnection, lookUpDomainRecord, removeDomain, saveConnection, verifyDomain } from "./settings";
import { domainName } from "./sso";

const checkbox = z.unknown().optional().transform((v) => v === "on" || v === "true" || v === true);

const issuer = z
  .string({ error: "Enter the issuer URL" })
  .trim()
  .min(1, "Enter the issuer URL")
  .max(500, "The issuer URL is at most 500 characters")
  .pipe(z.url({ error: "Enter the issuer as a URL such as https://login.example.com" }))
  .refine((v) => v.startsWith("https://") || (insecureIssuersAllowed() && v.startsWith("http://")), "The issuer must be an https:// URL");

const connectionSchema = z.object({
  issuer,
  clientId: requiredText("Client ID", 300),
  clientSecret: z.string().trim().max(1000, "The client secret is at most 1000 characters").default(""),
  enabled: checkbox,
  requireSso: checkbox,
  jitEnabled: checkbox,
  jitRole: z.enum(["viewer", "editor", "admin"], { error: "Choose the role new members get: viewer, editor or admin" }).default("viewer"),
  version: z
    .unknown()
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : Number(v)))
    .pipe(z.number().int().positive().nullable()),
});

const refresh = () => revalidatePath("/t/[team]/settings/sso", "page");

export const saveSsoConnection = teamAction("sso.save-connection", {
  permission: "sso.manage",
  schema: connectionSchema,
  prepare: (input, { ctx }) => checkConnection(ctx, input),
  async handler(input, { tx, ctx }) {
    const saved = await saveConnection(tx, ctx, input);
    return { version: saved.version, message: "Single sign-on settings saved: the issuer answered." };
  },
  after: refresh,
});

export const addSsoDomain = teamAction("sso.add-domain", {
  permission: "sso.manage",
  schema: z.object({ domain: domainName }),
  async handler({ domain }, { tx, ctx }) {
    const row = await addDomain(tx, ctx, domain);
    return { id: row.id, message: `${row.domain} added: publish the TXT record below, then verify it.` };
  },
  after: refresh,
});

export const verifySsoDomain = teamAction("sso.verify-domain", {
  permission: "sso.manage",
  schema: z.object({ id: uuid("Domain") }),
  prepare: ({ id }, { ctx }) => lookUpDomainRecord(ctx, id),
  async handler({ id }, { tx, ctx, prepared }) {
    const row = await verifyDomain(tx, ctx, id, prepared);
    return { message: `${row.domain} is verified.` };
  },
  after: refresh,
});

export const removeSsoDomain = teamAction("sso.remove-domain", {
  permission: "sso.manage",
  schema: z.object({ id: uuid("Domain") }),
  async handler({ id }, { tx, ctx }) {
    const row = await removeDomain(tx, ctx, id);
    return { message: `${row.domain} removed.` };
  },
  after: refresh,
});
