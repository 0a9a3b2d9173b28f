// One result shape for every server action (docs/architecture.md, "Layers"): errors are message keys of the
// "errors" namespace, translated on the way out, never English sentences.
export type FieldErrors = Record<string, string[]>;

export type ActionState<Extra = unknown> = {
  ok?: boolean;
  formError?: string;
  fieldErrors?: FieldErrors;
  /** Echo of what was typed (never passwords or codes), so a form with errors keeps its values. */
  values?: Record<string, string>;
} & Partial<Extra>;

/** A zod error as field errors: the first message key for each field. */
export function fieldErrorsOf(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[String(issue.path[0])] ??= [issue.message];
  return out;
}

export function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * A tampered post: a field the form never sends. Next's own hidden `$ACTION_…` fields are
 * allowed. Actions refuse such a post as a whole rather than ignore the extra field.
 */
export function hasUnexpectedFields(formData: FormData, expected: readonly string[]): boolean {
  for (const key of formData.keys()) if (!key.startsWith("$ACTION") && !expected.includes(key)) return true;
  return false;
}
