// GET /t/[team]/settings/sso — the team's single sign-on (owners and admins): its OpenID Connect or SAML 2.0 provider and its verified e-mail domains.
import type { Metadata } from "next";
import { AddDomainForm, DomainActions } from "@/components/sso/sso-domain-forms";
import { SsoConnectionForm } from "@/components/sso/sso-connection-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { inTeam } from "@/db/tenant";
import { requireTeamPermission } from "@/lib/auth/team-context";
import { addSsoDomain, removeSsoDomain, saveSamlSsoConnection, saveSsoConnection, verifySsoDomain } from "@/lib/sso/actions";
import { getSsoSettings } from "@/lib/sso/settings";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { ctx, team } = await requireTeamPermission(slug, "sso.manage");
  const settings = await inTeam(ctx.teamId, (tx) => getSsoSettings(tx, ctx));
  const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: team.timeZone });

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title="Single sign-on"
        description={`Let ${team.name}'s people sign in through your organisation's identity provider (Okta, Entra ID, Keycloak, Google Workspace, ADFS…) by OpenID Connect or SAML 2.0, on every plan.`}
      />

      <Card>
        <CardHeader>
          <CardTitle as="h2">Identity provider</CardTitle>
          <CardDescription>
            OpenID Connect: register Cairn at your provider as a web application with this redirect URI: <code className="break-all text-xs">{settings.redirectUri}</code>. It must send the{" "}
            <code className="text-xs">email</code> and <code className="text-xs">email_verified</code> claims.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <section aria-labelledby="sso-saml-sp" className="flex flex-col gap-2 rounded-md border p-4 text-sm">
            <h3 id="sso-saml-sp" className="font-medium">
              SAML 2.0: what to enter at your identity provider
            </h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              <dt className="text-muted-foreground">SP entity ID (audience)</dt>
              <dd>
                <code className="break-all text-xs" data-testid="saml-entity-id">{settings.saml.entityId}</code>
              </dd>
              <dt className="text-muted-foreground">ACS URL (HTTP-POST)</dt>
              <dd>
                <code className="break-all text-xs" data-testid="saml-acs-url">{settings.saml.acsUrl}</code>
              </dd>
              <dt className="text-muted-foreground">SP metadata</dt>
              <dd>
                <code className="break-all text-xs">{settings.saml.metadataUrl}</code>
              </dd>
              <dt className="text-muted-foreground">NameID</dt>
              <dd>the e-mail address (emailAddress format), or send it as an email attribute; sign the response or the assertion</dd>
            </dl>
            {settings.connection?.certificate ? (
              <p data-testid="saml-certificate">
                Signing certificate: {settings.connection.certificate.subject}, valid until {date.format(settings.connection.certificate.validTo)}.
              </p>
            ) : null}
          </section>
          <SsoConnectionForm team={team.slug} action={saveSsoConnection} samlAction={saveSamlSsoConnection} connection={settings.connection} hasVerifiedDomain={settings.domains.some((d) => d.verifiedAt)} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">E-mail domains</CardTitle>
          <CardDescription>
            Single sign-on applies to addresses at the domains you verify. Prove each by publishing a DNS TXT record; a domain belongs to one team only.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <AddDomainForm team={team.slug} action={addSsoDomain} />
          {settings.domains.length === 0 ? (
            <p className="text-sm text-muted-foreground">No domain yet.</p>
          ) : (
            <ul className="flex flex-col gap-4" aria-label="Domains">
              {settings.domains.map((d) => (
                <li key={d.id} data-testid="sso-domain" className="flex flex-col gap-3 rounded-md border p-4">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{d.domain}</span>
                    {d.verifiedAt ? <Badge>Verified {date.format(d.verifiedAt)}</Badge> : <Badge variant="outline">Not verified</Badge>}
                  </div>
                  {d.verifiedAt ? null : (
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                      <dt className="text-muted-foreground">TXT record name</dt>
                      <dd>
                        <code className="break-all text-xs">{d.record.name}</code>
                      </dd>
                      <dt className="text-muted-foreground">Value</dt>
                      <dd>
                        <code className="break-all text-xs" data-testid="sso-txt-value">
                          {d.record.value}
                        </code>
                      </dd>
                    </dl>
                  )}
                  <DomainActions team={team.slug} id={d.id} domain={d.domain} verified={Boolean(d.verifiedAt)} verify={verifySsoDomain} remove={removeSsoDomain} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
