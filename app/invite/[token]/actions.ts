"use server";
// POST /invite/[token] — accept an invitation as the signed-in person, then open the team.
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions/user-action";
import { unauthenticated } from "@/lib/errors";
import { acceptInvitation } from "@/lib/teams/invitations";

export const acceptInvitationAction = userAction("invitations.accept", {
  auth: "required",
  schema: z.object({ token: z.string({ error: "The invitation link is incomplete" }).trim().min(1, "The invitation link is incomplete").max(200) }),
  async handler({ token }, user) {
    if (!user) throw unauthenticated();
    // acceptInvitation checks everything again: still pending, sent to this very address, and that address confirmed.
    const { slug } = await acceptInvitation(token, user);
    redirect(`/t/${slug}`);
  },
});
