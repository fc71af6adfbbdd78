// The one page for an unknown, revoked or expired share link: it does not say which, so a link's state never leaks.
import Link from "next/link";
import { Link2Off } from "lucide-react";

export default function ShareLinkNotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-3 rounded-lg border border-dashed px-4 py-12 text-center">
      <div aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <Link2Off className="size-6" />
      </div>
      <h1 className="text-xl font-semibold">This share link does not work</h1>
      <p className="max-w-md text-sm text-muted-foreground">
        The link may have been revoked, may have expired, or may be mistyped. Ask the person who shared it with you for a new one.
      </p>
      <Link href="/" className="text-sm text-primary underline-offset-4 hover:underline">
        Go to the Cairn home page
      </Link>
    </div>
  );
}
