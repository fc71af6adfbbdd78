// A SAML 2.0 identity provider for tests: an RSA key and self-signed certificate made by openssl
// at test time, and Responses whose assertion it signs with xml-crypto (enveloped, RSA-SHA256,
// its certificate in KeyInfo). `serve` answers an HTTP-Redirect AuthnRequest the way a real IdP
// does: a page that posts the signed Response to the ACS (for the e2e spec).
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { SignedXml } from "xml-crypto";

export interface KeyPair {
  key: string;
  cert: string;
}

/** A fresh RSA key and a self-signed certificate for `/CN=<name>`, valid two days. */
export function makeKeyPair(name: string): KeyPair {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-saml-"));
  try {
    const key = path.join(dir, "idp.key");
    const cert = path.join(dir, "idp.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", `/CN=${name}`, "-days", "2", "-keyout", key, "-out", cert], { stdio: "ignore" });
    return { key: fs.readFileSync(key, "utf8"), cert: fs.readFileSync(cert, "utf8") };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface ResponseOptions {
  idpEntityId: string;
  acsUrl: string;
  /** Our SP entity ID, the assertion's audience. */
  audience: string;
  inResponseTo: string;
  nameId: string;
  /** The IdP's "now", in ms. */
  now: number;
  notOnOrAfter?: number;
  attributes?: Record<string, string>;
  nameIdFormat?: string;
  /** The key that signs the assertion (null: unsigned). */
  signWith: KeyPair | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A base64 SAML Response, as an IdP posts it. */
export function samlResponse(o: ResponseOptions): string {
  const until = iso(o.notOnOrAfter ?? o.now + 5 * 60_000);
  const attributes = Object.entries(o.attributes ?? {})
    .map(([name, value]) => `<saml:Attribute Name="${name}"><saml:AttributeValue>${value}</saml:AttributeValue></saml:Attribute>`)
    .join("");
  const assertion =
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a${randomUUID().replace(/-/g, "")}" Version="2.0" IssueInstant="${iso(o.now)}">` +
    `<saml:Issuer>${o.idpEntityId}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${o.nameIdFormat ?? "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"}">${o.nameId}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${o.inResponseTo}" NotOnOrAfter="${until}" Recipient="${o.acsUrl}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(o.now - 60_000)}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${o.audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(o.now)}" SessionIndex="_s1"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : "") +
    `</saml:Assertion>`;
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID().replace(/-/g, "")}" Version="2.0" IssueInstant="${iso(o.now)}" Destination="${o.acsUrl}" InResponseTo="${o.inResponseTo}">` +
    `<saml:Issuer>${o.idpEntityId}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${assertion}</samlp:Response>`;
  if (!o.signWith) return Buffer.from(xml).toString("base64");
  const sig = new SignedXml({
    privateKey: o.signWith.key,
    publicCert: o.signWith.cert,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
    // The signer's certificate goes in KeyInfo: a response signed by a stranger carries the stranger's, which must not count.
    getKeyInfoContent: SignedXml.getKeyInfoContent,
  });
  sig.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"],
  });
  sig.computeSignature(xml, { location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: "after" } });
  return Buffer.from(sig.getSignedXml()).toString("base64");
}

/** What an HTTP-Redirect AuthnRequest URL carries: the request XML, its ID, and RelayState. */
export function readAuthnRequest(url: URL): { xml: string; requestId: string; relayState: string | null; acsUrl: string | null; audience: string | null } {
  const xml = inflateRawSync(Buffer.from(url.searchParams.get("SAMLRequest") ?? "", "base64")).toString("utf8");
  return {
    xml,
    requestId: /\sID="([^"]+)"/.exec(xml)?.[1] ?? "",
    relayState: url.searchParams.get("RelayState"),
    acsUrl: /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1] ?? null,
    audience: /<saml:Issuer[^>]*>([^<]+)<\/saml:Issuer>/.exec(xml)?.[1] ?? null,
  };
}

export interface TestSamlIdp {
  /** Its single sign-on URL (HTTP-Redirect binding). */
  ssoUrl: string;
  entityId: string;
  keys: KeyPair;
  close(): Promise<void>;
}

/**
 * An IdP on 127.0.0.1 (another site than the app's localhost, so the post to the ACS is
 * cross-site as in production) that signs `nameId()` in without asking, at `instantMs()`.
 */
export async function serveTestSamlIdp(options: { nameId: () => string; instantMs: () => number }): Promise<TestSamlIdp> {
  const keys = makeKeyPair("test-idp");
  const entityId = "https://idp.test/saml";
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // Anything else the browser asks for (a favicon) is not a sign-in.
    if (url.pathname !== "/sso" || !url.searchParams.get("SAMLRequest")) {
      res.writeHead(404).end("Not found");
      return;
    }
    const request = readAuthnRequest(url);
    if (!request.requestId || !request.acsUrl || !request.audience) {
      res.writeHead(400).end("No AuthnRequest");
      return;
    }
    const response = samlResponse({ idpEntityId: entityId, acsUrl: request.acsUrl, audience: request.audience, inResponseTo: request.requestId, nameId: options.nameId(), now: options.instantMs(), signWith: keys });
    const field = (name: string, value: string) => `<input type="hidden" name="${name}" value="${value.replace(/"/g, "&quot;")}">`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><title>Test SAML IdP</title><h1>Test SAML IdP</h1><form method="post" action="${request.acsUrl}">${field("SAMLResponse", response)}${request.relayState ? field("RelayState", request.relayState) : ""}<button type="submit">Continue to the service</button></form>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { ssoUrl: `http://127.0.0.1:${port}/sso`, entityId, keys, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
