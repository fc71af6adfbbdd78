// GET /t/[team]/settings/api-keys — the team's API keys (admins): create one (its secret shown once), see when each was last used, revoke.
import type { Metadata } from "next";
import Link from "next/link";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listApiKeys } from "@/db/queries/api-keys";
import { inTeam } from "@/db/tenant";
import { effectiveScopes, maskedKey } from "@/lib/api/api-key";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { requireTeamPermission } from "@/lib/auth/team-context";
import { createApiKey, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

/** Why a key may use fewer scopes than it was given: its creator's current role (lib/api/api-key.ts, effectiveScopes). */
function limitNote(usable: readonly string[], creator: string, role: Role | null): string {
  if (!role) return `Not usable: ${creator} is no longer a member of this team`;
  const asRole = `${role === "admin" ? "an" : "a"} ${ROLE_LABELS[role].toLowerCase()}`;
  return usable.length > 0 ? `Limited to ${usable.join(" and ")} while ${creator} is ${asRole}` : `Not usable while ${creator} is ${asRole}`;
}

export default async function ApiKeysPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { ctx, team } = await requireTeamPermission(slug, "api_keys.manage");
  const keys = await inTeam(ctx.teamId, (tx) => listApiKeys(tx, ctx));
  const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: team.timeZone });

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let other systems read and write {team.name}&apos;s scorecards, journeys and KPI values through the{" "}
            <Link href="/docs/api" className="font-medium text-primary underline underline-offset-4">
              REST API
            </Link>
            . A key acts for the team, but never with more than the current role of the member who created it: if their role
            drops, so does what the key may do, and when they leave the team their keys are revoked. Keep each key secret and
            revoke it when it is no longer needed.
          </>
        }
      />

      <Card>
        <CardHeader>
          <CardTitle as="h2">Create a key</CardTitle>
          <CardDescription>The key is shown once, right after you create it. Only a hash of it is stored.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateApiKeyForm team={team.slug} action={createApiKey} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Keys</CardTitle>
        </CardHeader>
        <CardContent flush={keys.length > 0}>
          {keys.length === 0 ? (
            <EmptyState titleAs="h3" title="No API keys yet" description="Create one above to connect another system." />
          ) : (
            <Table scrollLabel="API keys" className="min-w-[44rem]" data-testid="api-keys">
              <TableHeader>
                <TableRow>
                  <TableHead className="pl-4 sm:pl-6">Name</TableHead>
                  <TableHead>Key</TableHead>
                  <TableHead>Scopes</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead align="right" className="pr-4 sm:pr-6">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {keys.map((key) => {
                  const usable = key.creatorRole ? effectiveScopes(key.scopes, key.creatorRole) : [];
                  const creator = key.createdByName?.trim() || key.createdByEmail || "a former member";
                  const limited = !key.revokedAt && usable.length < key.scopes.length;
                  return (
                    <TableRow key={key.id} data-testid="api-key-row" className={key.revokedAt ? "text-muted-foreground" : undefined}>
                      <TableCell className="pl-4 font-medium sm:pl-6">{key.name}</TableCell>
                      <TableCell>
                        <code className="text-xs">{maskedKey(key.prefix)}</code>
                      </TableCell>
                      <TableCell>
                        <div className="flex gap-1">
                          {key.scopes.map((scope) =>
                            limited && !usable.includes(scope) ? (
                              <Badge key={scope} variant="outline" className="line-through">
                                {scope}
                              </Badge>
                            ) : (
                              <Badge key={scope} variant={scope === "write" ? "default" : "secondary"}>
                                {scope}
                              </Badge>
                            ),
                          )}
                        </div>
                        {limited ? (
                          <span className="mt-1 block text-xs text-muted-foreground" data-testid="api-key-limited">
                            {limitNote(usable, creator, key.creatorRole)}
                          </span>
                        ) : null}
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        <time dateTime={key.createdAt.toISOString()}>{date.format(key.createdAt)}</time>
                        <span className="block text-xs text-muted-foreground">by {creator}</span>
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        {key.lastUsedAt ? <time dateTime={key.lastUsedAt.toISOString()}>{date.format(key.lastUsedAt)}</time> : <span className="text-muted-foreground">Never</span>}
                      </TableCell>
                      <TableCell className="pr-4 text-right sm:pr-6">
                        {key.revokedAt ? (
                          <Badge variant="outline">Revoked {date.format(key.revokedAt)}</Badge>
                        ) : (
                          <RevokeApiKeyButton team={team.slug} apiKey={{ id: key.id, name: key.name }} action={revokeApiKeyAction} />
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
