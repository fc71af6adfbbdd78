// The HTML document of the Pages Router pages: only the public share pages live there, rendered
// without Next's client runtime (their `config`); every other page is the App Router's (app/layout.tsx).
import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from "next/document";
import { requestNonce } from "@/lib/sharing/share-request";

export default class CairnDocument extends Document<{ nonce?: string }> {
  static async getInitialProps(ctx: DocumentContext): Promise<DocumentInitialProps & { nonce?: string }> {
    const initial = await Document.getInitialProps(ctx);
    return { ...initial, nonce: requestNonce(ctx.req) ?? undefined };
  }

  render() {
    // The nonce matters in development, where Next still sends its scripts (production sends none).
    const { nonce } = this.props;
    return (
      <Html lang="en">
        <Head nonce={nonce} />
        <body className="min-h-dvh bg-background text-foreground antialiased">
          <Main />
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
