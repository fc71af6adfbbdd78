// The journey's own fields, shared by the create and edit forms.
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

export interface JourneyFieldValues {
  name: string;
  personaName: string;
  personaDescription: string;
  goal: string;
  description: string;
}

export function JourneyFields({ idPrefix, values, error }: { idPrefix: string; values?: Partial<JourneyFieldValues>; error: (field: string) => string | undefined }) {
  return (
    <>
      <FormField id={`${idPrefix}-name`} label="Name" required error={error("name")}>
        <Input name="name" defaultValue={values?.name ?? ""} required maxLength={200} placeholder="e.g. Weekend hiker" />
      </FormField>
      <FormField id={`${idPrefix}-persona-name`} label="Persona" error={error("personaName")}>
        <Input name="personaName" defaultValue={values?.personaName ?? ""} maxLength={200} placeholder="e.g. Hanna, 34, hikes twice a month" />
      </FormField>
      <FormField id={`${idPrefix}-persona-description`} label="About the persona" error={error("personaDescription")}>
        <Textarea name="personaDescription" defaultValue={values?.personaDescription ?? ""} rows={2} minHeight={16} maxLength={2000} />
      </FormField>
      <FormField id={`${idPrefix}-goal`} label="Goal" error={error("goal")}>
        <Input name="goal" defaultValue={values?.goal ?? ""} maxLength={2000} placeholder="What the persona wants to achieve" />
      </FormField>
      <FormField id={`${idPrefix}-description`} label="Description" error={error("description")}>
        <Textarea name="description" defaultValue={values?.description ?? ""} rows={2} minHeight={16} maxLength={2000} />
      </FormField>
    </>
  );
}
