// Text typed into a form field: control characters never belong in a name or a title (and a NUL
// byte cannot be stored). Line breaks and tabs are allowed only where the field has several lines.

function hasControl(value: string, multiLine: boolean): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (multiLine && (code === 9 || code === 10 || code === 13)) continue;
    if (code < 32 || code === 127) return true;
  }
  return false;
}

/** For zod's `.refine`: a one-line field without control characters. */
export const isSingleLine = (value: string) => !hasControl(value, false);
/** For zod's `.refine`: a several-line field (an address) without control characters other than line breaks and tabs. */
export const isMultiLine = (value: string) => !hasControl(value, true);
