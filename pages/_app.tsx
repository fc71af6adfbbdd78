// The Pages Router app: the global styles, the font and the icon sprite the App Router's root layout gives its pages.
import { GeistSans } from "geist/font/sans";
import type { AppProps } from "next/app";
import { SpriteSheet } from "@/components/ui/sprite-drawings";
import "@/app/globals.css";

export default function CairnPages({ Component, pageProps }: AppProps) {
  return (
    <div className={`${GeistSans.variable} font-sans`}>
      <SpriteSheet />
      <Component {...pageProps} />
    </div>
  );
}
