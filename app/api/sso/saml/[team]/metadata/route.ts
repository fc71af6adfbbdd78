// GET /api/sso/saml/[team]/metadata — the team's SAML service-provider metadata (entity ID, ACS URL), for its identity provider.
import { generateServiceProviderMetadata } from "@node-saml/node-saml";
import { samlAcsUrl, samlSpEntityId } from "@/lib/sso/saml";

export const dynamic = "force-dynamic";

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

// Public, and the same for any slug shape whether or not such a team exists: it is derived from
// the URL alone and holds no key, so it reveals nothing about teams.
export async function GET(_request: Request, { params }: { params: Promise<{ team: string }> }): Promise<Response> {
  const { team } = await params;
  if (!SLUG.test(team)) return new Response("Not found", { status: 404 });
  const xml = generateServiceProviderMetadata({
    issuer: samlSpEntityId(team),
    callbackUrl: samlAcsUrl(),
    identifierFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    wantAssertionsSigned: false,
  });
  return new Response(xml, { headers: { "content-type": "application/samlmetadata+xml; charset=utf-8", "cache-control": "public, max-age=300" } });
}
