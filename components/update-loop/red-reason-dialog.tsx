"use client";
// "Red needs a reason": after a value turns its KPI red, ask why in a sentence, and offer to
// start an initiative on its objective or give someone an action. "Later" is allowed — the KPI
// then shows on the dashboard's needs-attention list until someone explains it.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import type { RedFollowUp } from "@/lib/update-loop/red-reason";

export type ExplainAction = (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

export interface Member {
  userId: string;
  name: string;
}

type FollowUp = "none" | "initiative" | "action";

export function RedReasonDialog({
  team,
  item,
  remaining,
  members,
  currentUserId,
  explain,
  onDone,
}: {
  team: string;
  item: RedFollowUp;
  /** How many more red values wait after this one. */
  remaining: number;
  members: Member[];
  currentUserId: string | null;
  explain: ExplainAction;
  /** Called with what happened: "explained" or "later". */
  onDone: (outcome: "explained" | "later", message?: string) => void;
}) {
  const [reason, setReason] = useState("");
  const [followUp, setFollowUp] = useState<FollowUp>("none");
  const [title, setTitle] = useState(`Bring ${item.kpiName} back on track`);
  const [initiativeOwner, setInitiativeOwner] = useState(currentUserId ?? "");
  const [initiativeDue, setInitiativeDue] = useState("");
  const [actionText, setActionText] = useState("");
  const [actionOwner, setActionOwner] = useState("");
  const [actionDue, setActionDue] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [saving, setSaving] = useState(false);
  const error = (field: string) => (result && !result.ok ? result.fieldErrors?.[field]?.[0] : undefined);

  const submit = async () => {
    setSaving(true);
    try {
      const outcome = await explain({
        team,
        kpiId: item.kpiId,
        period: item.period,
        reason,
        followUp,
        initiativeTitle: followUp === "initiative" ? title : "",
        initiativeOwnerId: followUp === "initiative" ? initiativeOwner : "",
        initiativeDueDate: followUp === "initiative" ? initiativeDue : "",
        actionText: followUp === "action" ? actionText : "",
        actionOwnerId: followUp === "action" ? actionOwner : "",
        actionDueDate: followUp === "action" ? actionDue : "",
      });
      setResult(outcome);
      if (outcome.ok) {
        const extra = followUp === "initiative" ? " and started an initiative" : followUp === "action" ? " and assigned an action" : "";
        onDone("explained", `Saved why ${item.kpiName} is off track${extra}.`);
      }
    } catch {
      setResult({ ok: false, status: 0, code: "network", message: "The reason could not be saved (connection lost?). Try again." });
    } finally {
      setSaving(false);
    }
  };

  const memberOptions = (
    <>
      <option value="">Choose a member…</option>
      {members.map((m) => (
        <option key={m.userId} value={m.userId}>
          {m.name}
        </option>
      ))}
    </>
  );

  return (
    <Dialog open onOpenChange={(open) => !open && onDone("later")}>
      <DialogContent
        title={`${item.kpiName} is off track`}
        description={`${item.value} for ${item.periodLabel}; the target is ${item.target}. A short reason tells the team what happened.`}
        data-testid="red-reason-dialog"
      >
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {result && !result.ok && !result.fieldErrors ? <Alert variant="error">{result.message}</Alert> : null}
          <FormField id="red-reason" label="Why is it off track?" required error={error("reason")}>
            <Textarea rows={3} maxLength={1000} required value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          </FormField>

          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">What happens next?</legend>
            {(
              [
                ["none", "Just the reason for now"],
                ["initiative", `Start an initiative on “${item.objectiveTitle}”`],
                ["action", "Assign an action to someone"],
              ] as Array<[FollowUp, string]>
            ).map(([value, label]) => (
              <label key={value} className="flex items-start gap-2 text-sm">
                <input type="radio" name="followUp" value={value} checked={followUp === value} onChange={() => setFollowUp(value)} className="mt-0.5 size-4 accent-primary" />
                {label}
              </label>
            ))}
          </fieldset>

          {followUp === "initiative" ? (
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <FormField id="red-initiative-title" label="Initiative" required error={error("initiativeTitle")} className="sm:col-span-2">
                <Input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
              </FormField>
              <FormField id="red-initiative-owner" label="Owner" error={error("initiativeOwnerId")}>
                <Select value={initiativeOwner} onChange={(e) => setInitiativeOwner(e.target.value)}>
                  {memberOptions}
                </Select>
              </FormField>
              <FormField id="red-initiative-due" label="Due" error={error("initiativeDueDate")}>
                <Input type="date" value={initiativeDue} onChange={(e) => setInitiativeDue(e.target.value)} />
              </FormField>
            </div>
          ) : null}

          {followUp === "action" ? (
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <FormField id="red-action-text" label="Action" required error={error("actionText")} className="sm:col-span-2">
                <Input value={actionText} maxLength={500} placeholder="e.g. Call the three largest accounts that churned" onChange={(e) => setActionText(e.target.value)} />
              </FormField>
              <FormField id="red-action-owner" label="Who" required error={error("actionOwnerId")}>
                <Select value={actionOwner} onChange={(e) => setActionOwner(e.target.value)}>
                  {memberOptions}
                </Select>
              </FormField>
              <FormField id="red-action-due" label="By when" error={error("actionDueDate")}>
                <Input type="date" value={actionDue} onChange={(e) => setActionDue(e.target.value)} />
              </FormField>
            </div>
          ) : null}

          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onDone("later")}>
              Later{remaining > 0 ? ` (${remaining} more)` : ""}
            </Button>
            <Button type="submit" disabled={saving}>
              {saving ? "Saving…" : "Save reason"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
