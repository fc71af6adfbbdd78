// Labelled inputs for the scorecard forms, wired to the action's field errors.
import type { ReactNode } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, type ActionState } from "@/lib/actions/result";

export interface MemberOption {
  userId: string;
  name: string;
}

type Common = { id: string; name: string; label: ReactNode; state: ActionState; description?: ReactNode; required?: boolean; className?: string };

export function TextField({ id, name, label, state, description, required, className, defaultValue, maxLength = 200 }: Common & { defaultValue?: string; maxLength?: number }) {
  return (
    <FormField id={id} label={label} description={description} required={required} error={fieldError(state, name)} className={className}>
      <Input name={name} defaultValue={defaultValue} maxLength={maxLength} required={required} />
    </FormField>
  );
}

export function NumberField({ id, name, label, state, description, required, className, defaultValue, step = "any", min, max }: Common & { defaultValue?: number | null; step?: string; min?: number; max?: number }) {
  return (
    <FormField id={id} label={label} description={description} required={required} error={fieldError(state, name)} className={className}>
      <Input name={name} type="number" inputMode="decimal" step={step} min={min} max={max} defaultValue={defaultValue ?? ""} required={required} />
    </FormField>
  );
}

export function TextareaField({ id, name, label, state, description, className, defaultValue, maxLength = 2000 }: Common & { defaultValue?: string; maxLength?: number }) {
  return (
    <FormField id={id} label={label} description={description} error={fieldError(state, name)} className={className}>
      <Textarea name={name} rows={3} defaultValue={defaultValue} maxLength={maxLength} />
    </FormField>
  );
}

export function SelectField({
  id, name, label, state, description, required, className, defaultValue, options, onChange,
}: Common & { defaultValue?: string; options: ReadonlyArray<{ value: string; label: string }>; onChange?: (value: string) => void }) {
  return (
    <FormField id={id} label={label} description={description} required={required} error={fieldError(state, name)} className={className}>
      <Select name={name} defaultValue={defaultValue} required={required} onChange={onChange ? (e) => onChange(e.target.value) : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </FormField>
  );
}

export function OwnerField({ id, state, members, defaultValue, label = "Owner" }: { id: string; state: ActionState; members: readonly MemberOption[]; defaultValue?: string | null; label?: string }) {
  return (
    <SelectField
      id={id}
      name="ownerId"
      label={label}
      state={state}
      defaultValue={defaultValue ?? ""}
      options={[{ value: "", label: "Nobody yet" }, ...members.map((m) => ({ value: m.userId, label: m.name }))]}
    />
  );
}

export const toOptions = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as Array<[K, string]>).map(([value, label]) => ({ value, label }));
