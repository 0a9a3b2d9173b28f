// One result shape for every server action (STYLE.md): errors are message keys of the
// "errors" namespace, translated on the way out, never English sentences.
export type FieldErrors = Record<string, string[]>;

export type ActionState<Extra = unknown> = {
  ok?: boolean;
  formError?: string;
  fieldErrors?: FieldErrors;
  /** Echo of what was typed (never passwords or codes), so a form with errors keeps its values. */
  values?: Record<string, string>;
} & Partial<Extra>;

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
