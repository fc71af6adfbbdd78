// Layout of the sign-in, sign-up and password pages: one centred card under the logo, phone first.
import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { Card } from "@/components/ui/card";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center bg-muted px-4 py-8 sm:justify-center sm:py-12">
      <header className="mb-6">
        <Link href="/" aria-label="Cairn home" className="inline-flex rounded-md p-1">
          <Logo className="text-xl" />
        </Link>
      </header>
      <main className="w-full max-w-md">
        <Card className="flex flex-col gap-6 p-5 sm:p-8">{children}</Card>
      </main>
    </div>
  );
}
