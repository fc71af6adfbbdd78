// GET /share/[token] — the public, read-only copy of one dashboard behind a share link (counts the
// view); for a link that includes the units below, the organisation view of its subtree instead
// (each unit's dashboard is /share/[token]/units/[unitId]). Server HTML only: no client runtime ships (`unstable_runtimeJS`), just the print button's
// inline script, so the page is light on any phone. An unknown, revoked or expired link is a 404.
// The document is kept per link, period and team data version (share-document.ts): an open of
// an unchanged board sends it as it is, under this request's nonce, without building anything.
import type { GetServerSideProps, PageConfig } from "next";
import { ShareFrame, ShareLinkNotFound } from "@/components/share/share-frame";
import { SharePrintScript } from "@/components/share/print-script";
import { SharedDashboard, SharedOrganisation } from "@/components/share/shared-dashboard";
import { keepDocumentAsSent, sendKeptDocument } from "@/lib/sharing/share-document";
import { buildOpenedDashboard, buildOpenedOrganisation, openShareLink } from "@/lib/sharing/shared-dashboard";
import { periodSearchParams, requestNonce } from "@/lib/sharing/share-request";

export const config: PageConfig = { unstable_runtimeJS: false };

type Props = {
  token: string;
  nonce: string | null;
  shared: Pick<NonNullable<Awaited<ReturnType<typeof buildOpenedDashboard>>>, "model" | "cards" | "teamName"> | null;
  organisation?: NonNullable<Awaited<ReturnType<typeof buildOpenedOrganisation>>> | null;
};

export const getServerSideProps: GetServerSideProps<Props, { token: string }> = async ({ params, query, req, res }) => {
  const token = params!.token;
  const nonce = requestNonce(req);
  const searchParams = periodSearchParams(query, ["token"]);
  res.setHeader("X-Robots-Tag", "noindex, nofollow");
  const opened = await openShareLink(token, searchParams);
  // Sent: Next renders nothing once the response is finished.
  if (opened && sendKeptDocument(res, opened, nonce)) return { props: { token, nonce, shared: null } };
  if (opened?.link.includeSubtree) {
    const organisation = await buildOpenedOrganisation(opened, searchParams);
    if (!organisation) res.statusCode = 404;
    else keepDocumentAsSent(req, res, opened, nonce);
    return { props: { token, nonce, shared: null, organisation } };
  }
  const built = opened ? await buildOpenedDashboard(opened, searchParams) : null;
  if (!built) res.statusCode = 404;
  else keepDocumentAsSent(req, res, opened!, nonce);
  return { props: { token, nonce, shared: built ? { model: built.model, cards: built.cards, teamName: built.teamName } : null } };
};

export default function SharedDashboardPage({ token, nonce, shared, organisation }: Props) {
  if (organisation) {
    return (
      <ShareFrame title={`${organisation.model.root.name}: organisation`}>
        <SharedOrganisation token={token} teamName={organisation.teamName} model={organisation.model} />
        <SharePrintScript nonce={nonce} />
      </ShareFrame>
    );
  }
  if (!shared) {
    return (
      <ShareFrame title="Shared dashboard">
        <ShareLinkNotFound />
      </ShareFrame>
    );
  }
  return (
    <ShareFrame title={shared.model.scorecard.name}>
      <SharedDashboard token={token} teamName={shared.teamName} model={shared.model} cards={shared.cards} />
      <SharePrintScript nonce={nonce} />
    </ShareFrame>
  );
}
