"use server";
// POST from /u/[token] — enter the one value an update link is for. Not a team action: the
// signed link is the credential (checked again here, in full), and it allows this value only.
import { unstable_rethrow } from "next/navigation";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { formDataToObject } from "@/lib/actions/form-input";
import { toAppError } from "@/lib/errors";
import { submitUpdateLink, type LinkSubmitted } from "@/lib/update-loop/use-update-link";
import { updateLinkSubmitSchema } from "@/lib/update-loop/validation";
import { zodFieldErrors } from "@/lib/validation/errors";

export async function submitUpdateLinkAction(_previous: ActionState<LinkSubmitted>, formData: FormData): Promise<ActionResult<LinkSubmitted>> {
  try {
    const parsed = updateLinkSubmitSchema.safeParse(formDataToObject(formData));
    if (!parsed.success) return { ok: false, status: 422, code: "validation", message: "Please correct the highlighted fields.", fieldErrors: zodFieldErrors(parsed.error) };
    // No revalidatePath here: it would re-render this page, now "already used", over the confirmation.
    // Team pages render per request, so they show the new value anyway.
    return { ok: true, data: await submitUpdateLink(parsed.data) };
  } catch (error) {
    unstable_rethrow(error);
    const e = toAppError(error, "update link");
    return { ok: false, status: e.status, code: e.code, message: e.message, fieldErrors: e.extra.fieldErrors };
  }
}
