"use client";
// "Send reminders now": mails every owner what they owe at once (admins). The server refuses a
// second run within a few minutes, so a double click cannot mail anyone twice.
import { Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

type SendNow = (input: Record<string, unknown>) => Promise<ActionResult<{ owners: number; items: number }>>;

export function SendRemindersNow({ team, action }: { team: string; action: SendNow }) {
  const [result, setResult] = useState<ActionResult<{ owners: number; items: number }> | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();

  const send = async () => {
    setPending(true);
    try {
      setResult(await action({ team }));
      router.refresh();
    } catch {
      setResult({ ok: false, status: 0, code: "network", message: "The request did not reach the server (connection lost?). Try again." });
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="flex flex-col gap-3">
      <Button onClick={() => void send()} disabled={pending} className="self-start">
        <Send aria-hidden="true" />
        {pending ? "Sending…" : "Send reminders now"}
      </Button>
      {result?.ok && result.data ? (
        <Alert variant="success" data-testid="send-reminders-result">
          {result.data.owners === 0
            ? "Nobody owes a value right now: no e-mail was sent."
            : `Sent ${result.data.owners === 1 ? "one owner an e-mail" : `${result.data.owners} owners one e-mail each`}, listing ${result.data.items} ${result.data.items === 1 ? "value" : "values"} due.`}
        </Alert>
      ) : result && !result.ok ? (
        <Alert variant="error" data-testid="send-reminders-result">
          {result.message}
        </Alert>
      ) : null}
    </div>
  );
}
