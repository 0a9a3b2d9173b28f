import { describe, expect, it } from "vitest";
import { assessmentDateProblem, yearGroupOn, yearNineStart } from "./evidence";

const born = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("Year 9", () => {
  it("starts on 1 September fourteen years after the start of the candidate's year group", () => {
    expect(yearNineStart(born("2010-09-01"))).toBe("2024-09-01");
    expect(yearNineStart(born("2011-08-31"))).toBe("2024-09-01");
    expect(yearNineStart(born("2011-09-01"))).toBe("2025-09-01");
  });

  it("gives the year group on a day", () => {
    expect(yearGroupOn(born("2010-09-01"), "2024-08-31")).toBe(8);
    expect(yearGroupOn(born("2010-09-01"), "2024-09-01")).toBe(9);
    expect(yearGroupOn(born("2011-08-31"), "2027-05-10")).toBe(11);
  });

  it("refuses an assessment before Year 9 or after today (London)", () => {
    const at = new Date("2027-03-01T00:30:00Z");
    expect(assessmentDateProblem(born("2010-12-01"), "2024-08-31", at)).toBe("assessmentBeforeYearNine");
    expect(assessmentDateProblem(born("2010-12-01"), "2024-09-01", at)).toBeNull();
    expect(assessmentDateProblem(born("2010-12-01"), "2027-03-01", at)).toBeNull();
    expect(assessmentDateProblem(born("2010-12-01"), "2027-03-02", at)).toBe("assessmentInFuture");
  });
});
