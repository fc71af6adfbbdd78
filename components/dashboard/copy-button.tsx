"use client";
// CopyButton: copies a value (a share link) to the clipboard and says so, politely, to screen readers.
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyButton({ value, label = "Copy link" }: { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <>
      <Button variant="secondary" onClick={copy}>
        {state === "copied" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
        {state === "copied" ? "Copied" : label}
      </Button>
      <span aria-live="polite" className="sr-only">
        {state === "copied" ? "Link copied to the clipboard" : state === "failed" ? "Copying failed: select the link and copy it yourself" : ""}
      </span>
    </>
  );
}
