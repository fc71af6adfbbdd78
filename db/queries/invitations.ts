// Pending invitations of one team. Links carry the team id and a secret; only its hash is stored.
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { invitations, users } from "../schema";
import type { Role } from "./teams";
import { clock } from "@/lib/clock";

const pending = (teamId: string) =>
  and(eq(invitations.teamId, teamId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, clock.now()));

export async function createInvitation(
  tx: Tx,
  ctx: { teamId: string },
  values: { email: string; role: Role; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  // A new invitation to the same address replaces the older pending one.
  await tx
    .update(invitations)
    .set({ revokedAt: clock.now() })
    .where(and(pending(ctx.teamId), eq(invitations.email, values.email)));
  const [row] = await tx.insert(invitations).values({ teamId: ctx.teamId, ...values }).returning();
  return row!;
}

export async function listPendingInvitations(tx: Tx, ctx: { teamId: string }) {
  return tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedByName: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(pending(ctx.teamId))
    .orderBy(desc(invitations.createdAt));
}

export async function countPendingInvitationsByRole(tx: Tx, ctx: { teamId: string }, role: Role): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(invitations)
    .where(and(pending(ctx.teamId), eq(invitations.role, role)));
  return row?.n ?? 0;
}

export async function revokeInvitation(tx: Tx, ctx: { teamId: string }, id: string) {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: clock.now() })
    .where(and(pending(ctx.teamId), eq(invitations.id, id)))
    .returning({ id: invitations.id, email: invitations.email });
  return row;
}

export async function findPendingInvitation(tx: Tx, ctx: { teamId: string }, tokenHash: string) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(pending(ctx.teamId), eq(invitations.tokenHash, tokenHash)))
    .limit(1);
  return row;
}

/** Single use: only the first acceptance of a pending invitation returns a row. */
export async function markInvitationAccepted(tx: Tx, ctx: { teamId: string }, id: string) {
  const [row] = await tx
    .update(invitations)
    .set({ acceptedAt: clock.now() })
    .where(and(pending(ctx.teamId), eq(invitations.id, id)))
    .returning({ id: invitations.id, role: invitations.role });
  return row;
}
