// The order grades are shown in: best first, U last (pure).

const ORDER = ["A*", "A", "B", "C", "D", "E", "9", "8", "7", "6", "5", "4", "3", "2", "1", "U"];

export const GCSE_GRADES = ["9", "8", "7", "6", "5", "4", "3", "2", "1", "U"] as const;
export const A_LEVEL_GRADES = ["A*", "A", "B", "C", "D", "E", "U"] as const;

/** The grades of a qualification, best first, ending with U. */
export function gradesFor(qualificationCode: string): readonly string[] {
  return qualificationCode === "A level" ? A_LEVEL_GRADES : GCSE_GRADES;
}

/** Sorts grades best first; unknown grades after the known ones, alphabetically. */
export function compareGrades(a: string, b: string): number {
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  if (ia === -1 && ib === -1) return a.localeCompare(b);
  if (ia === -1) return 1;
  if (ib === -1) return -1;
  return ia - ib;
}
