// The answer (HTTP 404) for an invitation link that is unknown, used, revoked or expired: one message for all of them.
import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function InvitationNotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center bg-muted px-4 py-8 sm:justify-center sm:py-12">
      <header className="mb-6">
        <Link href="/" aria-label="Cairn home" className="inline-flex rounded-md p-1">
          <Logo className="text-xl" />
        </Link>
      </header>
      <main className="w-full max-w-md">
        <Card className="flex flex-col gap-4 p-5 sm:p-8">
          <h1 className="text-2xl font-semibold tracking-tight">This invitation is no longer valid</h1>
          <p className="text-muted-foreground">
            It was already used, revoked by an admin, or it expired (invitations last 7 days). Ask the person who invited you to send a new one.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button asChild>
              <Link href="/teams">Go to your teams</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/sign-in">Sign in</Link>
            </Button>
          </div>
        </Card>
      </main>
    </div>
  );
}
