// GET /share/[token]/units/[unitId] — one unit's dashboard through a link that includes the units
// below: the link's own scorecard or a live unit of its subtree (counts the view, kept like the
// link's main page). Any other unit — above or beside the link's scorecard, or any unit through a
// link without the option — is the same 404 as a dead link.
import type { GetServerSideProps, PageConfig } from "next";
import { ShareFrame, ShareLinkNotFound } from "@/components/share/share-frame";
import { SharePrintScript } from "@/components/share/print-script";
import { SharedDashboard } from "@/components/share/shared-dashboard";
import { isUuid } from "@/lib/dashboards/ids";
import { keepDocumentAsSent, sendKeptDocument } from "@/lib/sharing/share-document";
import { buildOpenedDashboard, openShareLink } from "@/lib/sharing/shared-dashboard";
import { periodSearchParams, requestNonce } from "@/lib/sharing/share-request";

export const config: PageConfig = { unstable_runtimeJS: false };

type Props = {
  token: string;
  unitId: string;
  nonce: string | null;
  shared: Pick<NonNullable<Awaited<ReturnType<typeof buildOpenedDashboard>>>, "model" | "cards" | "teamName"> | null;
};

export const getServerSideProps: GetServerSideProps<Props, { token: string; unitId: string }> = async ({ params, query, req, res }) => {
  const { token, unitId } = params!;
  const nonce = requestNonce(req);
  const searchParams = periodSearchParams(query, ["token", "unitId"]);
  res.setHeader("X-Robots-Tag", "noindex, nofollow");
  const opened = isUuid(unitId) ? await openShareLink(token, searchParams, undefined, unitId) : null;
  // Only a link that includes the units below has unit pages.
  const live = opened?.link.includeSubtree ? opened : null;
  if (live && sendKeptDocument(res, live, nonce)) return { props: { token, unitId, nonce, shared: null } };
  const built = live ? await buildOpenedDashboard(live, searchParams, undefined, unitId) : null;
  if (!built) res.statusCode = 404;
  else keepDocumentAsSent(req, res, live!, nonce);
  return { props: { token, unitId, nonce, shared: built ? { model: built.model, cards: built.cards, teamName: built.teamName } : null } };
};

export default function SharedUnitDashboardPage({ token, unitId, nonce, shared }: Props) {
  if (!shared) {
    return (
      <ShareFrame title="Shared dashboard">
        <ShareLinkNotFound />
      </ShareFrame>
    );
  }
  return (
    <ShareFrame title={shared.model.scorecard.name}>
      <SharedDashboard token={token} teamName={shared.teamName} model={shared.model} cards={shared.cards} unitId={unitId} />
      <SharePrintScript nonce={nonce} />
    </ShareFrame>
  );
}
