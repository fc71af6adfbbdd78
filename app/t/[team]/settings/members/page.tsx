// GET /t/[team]/settings/members — who is in the team with which role; invitations, roles and removal for admins; leaving for everyone.
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listPendingInvitations } from "@/db/queries/invitations";
import { listMembers } from "@/db/queries/memberships";
import { inTeam } from "@/db/tenant";
import { can, outranksOrEquals, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { requireTeamPage } from "@/lib/auth/team-context";
import { editorSeatLimit } from "@/lib/billing/plans";
import { editorSeatsUsed } from "@/lib/teams/seats";
import { leaveTeam, removeMember, transferOwnership } from "./actions";
import { ConfirmActionDialog } from "./confirm-action-dialog";
import { InviteForm } from "./invite-form";
import { RevokeInvitationButton } from "./revoke-invitation-button";
import { RoleSelect } from "./role-select";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { ctx, team } = await requireTeamPage(slug);
  const canManage = can(ctx.role, "members.update_role");
  const canInvite = can(ctx.role, "members.invite");
  const canTransfer = can(ctx.role, "members.transfer_ownership");
  const canRemove = can(ctx.role, "members.remove");

  // One team-bound transaction for the whole page; invitations and seats only for those who manage them.
  const { members, invitations, seatsUsed } = await inTeam(ctx.teamId, async (tx) => ({
    members: await listMembers(tx, ctx),
    invitations: canInvite ? await listPendingInvitations(tx, ctx) : [],
    seatsUsed: canInvite ? await editorSeatsUsed(tx, ctx) : 0,
  }));
  const seatLimit = editorSeatLimit(team);
  const billingHref = can(ctx.role, "billing.manage") ? `/t/${team.slug}/settings/billing` : undefined;
  const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: team.timeZone });
  const owners = members.filter((m) => m.role === "owner").length;
  const lastOwner = ctx.role === "owner" && owners <= 1;
  // Nobody hands out a role above their own; only an owner makes owners.
  const grantable = ROLES.filter((r) => outranksOrEquals(ctx.role, r) && (r !== "owner" || ctx.role === "owner"));
  const manages = (role: Role, membershipId: string) => membershipId !== ctx.membershipId && outranksOrEquals(ctx.role, role);
  const showActions = canRemove || canTransfer;

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader
        title="Members"
        description={
          canManage
            ? `Who is in ${team.name}, with which role. Viewers are free; owners, admins and editors use an editor seat.`
            : `Who is in ${team.name}, with which role. Ask an admin to invite someone or change a role.`
        }
      />

      <Card>
        <CardHeader>
          <CardTitle as="h2">
            {members.length} {members.length === 1 ? "member" : "members"}
          </CardTitle>
        </CardHeader>
        <CardContent flush>
          <Table scrollLabel="Members" className="min-w-[34rem] sm:min-w-[40rem]">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-4 sm:pl-6">Name</TableHead>
                <TableHead className="hidden sm:table-cell">E-mail</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Joined</TableHead>
                {showActions ? (
                  <TableHead align="right" className="pr-4 sm:pr-6">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((m) => {
                const me = m.id === ctx.membershipId;
                const displayName = m.name?.trim() || m.email;
                const editable = canManage && manages(m.role, m.id);
                return (
                  <TableRow key={m.id}>
                    <TableCell className="pl-4 sm:pl-6">
                      <span className="font-medium">{displayName}</span>
                      {me ? <span className="ml-1 text-muted-foreground">(you)</span> : null}
                      {/* On phones the e-mail sits under the name instead of in a column of its own. */}
                      <span className="block text-muted-foreground sm:hidden">{m.email}</span>
                    </TableCell>
                    <TableCell className="hidden text-muted-foreground sm:table-cell">{m.email}</TableCell>
                    <TableCell>
                      {editable ? (
                        <RoleSelect
                          team={team.slug}
                          member={{ id: m.id, name: displayName, role: m.role, version: m.version }}
                          roles={grantable.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                          billingHref={billingHref}
                        />
                      ) : (
                        <Badge variant={m.role === "owner" || m.role === "admin" ? "default" : "secondary"}>{ROLE_LABELS[m.role]}</Badge>
                      )}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      <time dateTime={m.joinedAt.toISOString()}>{date.format(m.joinedAt)}</time>
                    </TableCell>
                    {showActions ? (
                      <TableCell className="pr-4 sm:pr-6">
                        <div className="flex justify-end gap-2">
                          {canTransfer && !me ? (
                            <ConfirmActionDialog
                              action={transferOwnership}
                              fields={{ team: team.slug, membershipId: m.id, version: String(m.version) }}
                              triggerLabel="Make owner"
                              triggerAriaLabel={`Transfer ownership to ${displayName}`}
                              title={`Transfer ownership to ${displayName}?`}
                              description={`${displayName} becomes an owner of ${team.name} and you become an admin. Only an owner can undo this.`}
                              confirmLabel="Transfer ownership"
                              pendingLabel="Transferring…"
                            />
                          ) : null}
                          {canRemove && manages(m.role, m.id) ? (
                            <ConfirmActionDialog
                              action={removeMember}
                              fields={{ team: team.slug, membershipId: m.id }}
                              triggerLabel="Remove"
                              triggerAriaLabel={`Remove ${displayName} from the team`}
                              title={`Remove ${displayName} from ${team.name}?`}
                              description="They lose access immediately. Objectives, KPIs and initiatives they owned keep their data but lose their owner."
                              confirmLabel="Remove member"
                              pendingLabel="Removing…"
                              destructive
                            />
                          ) : null}
                        </div>
                      </TableCell>
                    ) : null}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      {canInvite ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Invite someone</CardTitle>
            <CardDescription>They get an e-mail with a link that works once, for 7 days, and only for that address.</CardDescription>
          </CardHeader>
          <CardContent>
            <InviteForm team={team.slug} seats={{ used: seatsUsed, limit: seatLimit }} billingHref={billingHref} />
          </CardContent>
        </Card>
      ) : null}

      {canInvite ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Pending invitations</CardTitle>
          </CardHeader>
          <CardContent flush={invitations.length > 0}>
            {invitations.length === 0 ? (
              <EmptyState titleAs="h3" title="No pending invitations" description="Invitations you send appear here until they are accepted, revoked or expire." />
            ) : (
              <Table scrollLabel="Pending invitations" className="min-w-[36rem]">
                <TableHeader>
                  <TableRow>
                    <TableHead className="pl-4 sm:pl-6">E-mail</TableHead>
                    <TableHead>Role</TableHead>
                    <TableHead>Expires</TableHead>
                    <TableHead>Invited by</TableHead>
                    <TableHead align="right" className="pr-4 sm:pr-6">
                      <span className="sr-only">Actions</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {invitations.map((i) => (
                    <TableRow key={i.id}>
                      <TableCell className="pl-4 sm:pl-6">{i.email}</TableCell>
                      <TableCell>
                        <Badge variant="outline">{ROLE_LABELS[i.role]}</Badge>
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        <time dateTime={i.expiresAt.toISOString()}>{date.format(i.expiresAt)}</time>
                      </TableCell>
                      <TableCell>{i.invitedByName ?? <span className="text-muted-foreground">Former member</span>}</TableCell>
                      <TableCell className="pr-4 text-right sm:pr-6">
                        <RevokeInvitationButton team={team.slug} invitation={{ id: i.id, email: i.email }} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle as="h2">Leave {team.name}</CardTitle>
          <CardDescription>
            {lastOwner
              ? "You are the only owner: make another member owner before you leave, so the team keeps someone who can manage it."
              : "You lose access to the team's journeys and scorecards. An admin can invite you again."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ConfirmActionDialog
            action={leaveTeam}
            fields={{ team: team.slug }}
            triggerLabel="Leave team"
            title={`Leave ${team.name}?`}
            description="You lose access immediately. To come back, an admin has to invite you again."
            confirmLabel="Leave team"
            pendingLabel="Leaving…"
            destructive
            triggerVariant="outline"
          />
        </CardContent>
      </Card>
    </div>
  );
}
