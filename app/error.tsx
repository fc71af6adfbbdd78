"use client";
// Anything unexpected while rendering: a calm message and a retry, never a stack trace.

export default function ErrorPage({ reset, error }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-muted-foreground">
        We could not show this page. Nothing you saved was lost. Try again in a moment.
        {error.digest ? <span className="mt-2 block text-xs">Reference: {error.digest}</span> : null}
      </p>
      {/* Button's look without importing Button: this boundary is in every page's first load, and Button brings its class merging. */}
      <button
        type="button"
        className="inline-flex h-10 cursor-pointer items-center justify-center gap-2 rounded-md bg-primary px-4 text-sm font-medium whitespace-nowrap text-primary-foreground transition-colors hover:bg-primary-hover"
        onClick={() => reset()}
      >
        Try again
      </button>
    </main>
  );
}
