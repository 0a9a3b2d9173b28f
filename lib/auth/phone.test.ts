import { describe, expect, it } from "vitest";
import { normaliseUkMobile } from "./phone";

describe("UK mobile numbers", () => {
  it.each([
    ["07700 900123", "+447700900123"],
    ["+44 7700 900123", "+447700900123"],
    ["+44 (0)7700 900123", "+447700900123"],
    ["0044 7700-900123", "+447700900123"],
    ["447700900123", "+447700900123"],
    ["  07912345678 ", "+447912345678"],
  ])("%s → %s", (input, expected) => expect(normaliseUkMobile(input)).toBe(expected));

  it.each(["01632 960123", "0770090012", "077009001234", "+33 6 12 34 56 78", "07000 123456", "hello"])(
    "refuses %s",
    (input) => expect(normaliseUkMobile(input)).toBeNull(),
  );
});
