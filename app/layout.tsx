import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { headers } from "next/headers";
import { IconSprite } from "@/components/ui/sprite-icon";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cairn — customer journeys and a Balanced Scorecard, aligned", template: "%s · Cairn" },
  description:
    "Map your customers' journeys and run a Balanced Scorecard aligned with them: objectives, KPIs, targets and a strategy map your whole team edits together, live.",
  applicationName: "Cairn",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0e5a5e" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page dynamic, so each response carries its own CSP nonce.
  await headers();
  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        <IconSprite />
        {children}
      </body>
    </html>
  );
}
