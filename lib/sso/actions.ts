"use server";
// Server actions of the team's single sign-on settings (/t/[team]/settings/sso): the identity
// provider connection (OpenID Connect or SAML 2.0), and the e-mail domains verified by DNS.
// Owners and admins only.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/actions/team-action";
import { requiredText, uuid } from "@/lib/validation/primitives";
import { insecureIssuersAllowed } from "./oidc";
import { parseCertificate } from "./saml";
import { addDomain, checkConnection, lookUpDomainRecord, removeDomain, saveConnection, saveSamlConnection as saveSaml, verifyDomain } from "./settings";
import { domainName } from "./sso";

const checkbox = z.unknown().optional().transform((v) => v === "on" || v === "true" || v === true);

const issuer = z
  .string({ error: "Enter the issuer URL" })
  .trim()
  .min(1, "Enter the issuer URL")
  .max(500, "The issuer URL is at most 500 characters")
  .pipe(z.url({ error: "Enter the issuer as a URL such as https://login.example.com" }))
  .refine((v) => v.startsWith("https://") || (insecureIssuersAllowed() && v.startsWith("http://")), "The issuer must be an https:// URL");

const shared = {
  enabled: checkbox,
  requireSso: checkbox,
  jitEnabled: checkbox,
  jitRole: z.enum(["viewer", "editor", "admin"], { error: "Choose the role new members get: viewer, editor or admin" }).default("viewer"),
  version: z
    .unknown()
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : Number(v)))
    .pipe(z.number().int().positive().nullable()),
};

const connectionSchema = z.object({
  issuer,
  clientId: requiredText("Client ID", 300),
  clientSecret: z.string().trim().max(1000, "The client secret is at most 1000 characters").default(""),
  ...shared,
});

const idpSsoUrl = z
  .string({ error: "Enter the identity provider's single sign-on URL" })
  .trim()
  .min(1, "Enter the identity provider's single sign-on URL")
  .max(2000, "The single sign-on URL is at most 2000 characters")
  .pipe(z.url({ error: "Enter the single sign-on URL as a URL such as https://idp.example.com/sso/saml" }))
  .refine((v) => v.startsWith("https://") || (insecureIssuersAllowed() && v.startsWith("http://")), "The single sign-on URL must be an https:// URL");

const idpCertificate = z
  .string({ error: "Paste the identity provider's signing certificate" })
  .trim()
  .min(1, "Paste the identity provider's signing certificate")
  .max(20_000, "The certificate is at most 20,000 characters")
  .superRefine((pem, context) => {
    const parsed = parseCertificate(pem);
    if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.reason });
  });

const samlConnectionSchema = z.object({
  idpEntityId: requiredText("The identity provider's entity ID", 500),
  idpSsoUrl,
  idpCertificate,
  emailAttribute: z
    .string()
    .trim()
    .max(300, "The e-mail attribute name is at most 300 characters")
    .optional()
    .transform((v) => v || null),
  ...shared,
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

export const saveSamlSsoConnection = teamAction("sso.save-saml-connection", {
  permission: "sso.manage",
  schema: samlConnectionSchema,
  async handler(input, { tx, ctx }) {
    const saved = await saveSaml(tx, ctx, input);
    const cert = parseCertificate(saved.samlIdpCertificate!);
    const until = cert.ok ? ` Its certificate (${cert.subject}) is valid until ${cert.validTo.toISOString().slice(0, 10)}.` : "";
    return { version: saved.version, message: `SAML single sign-on settings saved.${until}` };
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
