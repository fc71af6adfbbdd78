"use client";
// One member's role: saved as soon as another role is chosen. A refusal puts the select back and says why beside it.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useId, useRef, useState } from "react";
import { Select } from "@/components/ui/select";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { Role } from "@/lib/auth/permissions";
import { changeRole } from "./actions";

interface Props {
  team: string;
  member: { id: string; name: string; role: Role; version: number };
  roles: Array<{ value: Role; label: string }>;
  billingHref?: string;
}

export function RoleSelect({ team, member, roles, billingHref }: Props) {
  const id = useId();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState<Role>(member.role);
  // When the page brings a newer version (a save, or someone else's change), show the role it carries.
  const [seen, setSeen] = useState(member.version);
  if (seen !== member.version) {
    setSeen(member.version);
    setSelected(member.role);
  }

  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionResult> => {
    const result = await changeRole(previous, formData);
    if (!result.ok) {
      const current = result.current as { role?: Role } | undefined;
      setSelected(current?.role ?? member.role);
      // Someone else changed this member: load their version so the next choice is based on it.
      if (result.status === 409) router.refresh();
    }
    return result;
  }, null);

  // A role the actor cannot grant (e.g. an owner seen by an admin) never reaches here: such rows show a badge instead.
  const options = roles.some((r) => r.value === selected) ? roles : [{ value: selected, label: selected }, ...roles];
  // For a full plan the short field message ("No editor seat left: 3 of 3 in use.") fits beside the select; otherwise the full reason.
  const error = state && !state.ok ? (state.status === 402 ? (state.fieldErrors?.role?.[0] ?? state.message) : state.message) : null;

  return (
    <form ref={form} action={formAction} className="flex min-w-36 flex-col gap-1">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="membershipId" value={member.id} />
      <input type="hidden" name="version" value={member.version} />
      <label htmlFor={id} className="sr-only">
        Role of {member.name}
      </label>
      <Select
        id={id}
        name="role"
        value={selected}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-status`}
        onChange={(e) => {
          setSelected(e.target.value as Role);
          form.current?.requestSubmit();
        }}
        wrapperClassName="max-w-40"
      >
        {options.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </Select>
      <p id={`${id}-status`} aria-live="polite" className={error ? "max-w-64 text-sm text-destructive" : "text-sm text-muted-foreground empty:hidden"}>
        {pending ? "Saving…" : error ? (
          <>
            {error}
            {state && !state.ok && state.status === 402 && billingHref ? (
              <>
                {" "}
                <Link href={billingHref} className="font-medium underline underline-offset-4">
                  Open Billing
                </Link>
              </>
            ) : null}
          </>
        ) : null}
      </p>
    </form>
  );
}
