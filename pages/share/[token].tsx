// GET /share/[token] — the public, read-only copy of one dashboard behind a share link (counts the
// view). Server HTML only: no client runtime ships (`unstable_runtimeJS`), just the print button's
// inline script, so the page is light on any phone. An unknown, revoked or expired link is a 404.
import type { GetServerSideProps, PageConfig } from "next";
import { ShareFrame, ShareLinkNotFound } from "@/components/share/share-frame";
import { SharePrintScript } from "@/components/share/print-script";
import { SharedDashboard } from "@/components/share/shared-dashboard";
import { openSharedDashboard } from "@/lib/sharing/shared-dashboard";
import { periodSearchParams, requestNonce } from "@/lib/sharing/share-request";

export const config: PageConfig = { unstable_runtimeJS: false };

type Props = {
  token: string;
  nonce: string | null;
  shared: Pick<NonNullable<Awaited<ReturnType<typeof openSharedDashboard>>>, "model" | "cards" | "teamName"> | null;
};

export const getServerSideProps: GetServerSideProps<Props, { token: string }> = async ({ params, query, req, res }) => {
  const token = params!.token;
  const opened = await openSharedDashboard(token, periodSearchParams(query, ["token"]));
  res.setHeader("X-Robots-Tag", "noindex, nofollow");
  if (!opened) res.statusCode = 404;
  const shared = opened ? { model: opened.model, cards: opened.cards, teamName: opened.teamName } : null;
  return { props: { token, nonce: requestNonce(req), shared } };
};

export default function SharedDashboardPage({ token, nonce, shared }: Props) {
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
