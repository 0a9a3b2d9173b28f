// Codes the portal makes (series "2027-06", specifications, components, centre numbers): ASCII
// letters, digits and a few separators. A value of any other shape names nothing, so it is
// answered like an unknown code — and never reaches the database (where a NUL byte would fail).

const CODE = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/;

/** The code when it has a code's shape and length, else "" (which finds nothing). */
export function codeOrEmpty(value: unknown, max = 40): string {
  return typeof value === "string" && value.length <= max && CODE.test(value) ? value : "";
}
