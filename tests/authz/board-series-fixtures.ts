// Series for the authorization matrix's rows of the board's series console: each call gets a
// series of its own (an edit never meets another caller's), with a code no fixture uses
// (years 3000 on), and the form that edits it validly.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createSeries } from "../factories/series";
import { form } from "./types";

let made = 0;
// Drawn once: the codes of one run count up from here, so no two calls can meet (a fresh draw per
// call let a later call land on an earlier one's year and month).
const FIRST_YEAR = 3000 + (randomBytes(2).readUInt16BE(0) % 500) * 10;

/** A series code no other row or fixture has: a year from 3000 and a month. */
export function newSeriesCode(): string {
  const n = made++;
  const year = FIRST_YEAR + Math.floor(n / 12);
  return `${year}-${String((n % 12) + 1).padStart(2, "0")}`;
}

/** The series form, valid: results day Thursday 19 August 2027 and the default release times. */
export function seriesValues(code = newSeriesCode()): Record<string, string> {
  return {
    code,
    nameEn: "Matrix series",
    nameCy: "Cyfres fatrics",
    resultsDay: "2027-08-19",
    restrictedDate: "",
    restrictedTime: "",
    releaseDate: "",
    releaseTime: "",
    entryDeadlineDate: "2027-02-21",
    entryDeadlineTime: "23:59",
  };
}

/** A new series with no entries; its id and code. */
export async function newSeries(prisma: PrismaClient): Promise<{ id: string; code: string }> {
  const series = await createSeries(prisma, { code: newSeriesCode() });
  return { id: series.id, code: series.code };
}

/** A valid edit of a new series: its name changed. */
export async function editSeriesForm(prisma: PrismaClient): Promise<FormData> {
  const series = await newSeries(prisma);
  return form({ seriesId: series.id, ...seriesValues(series.code), nameEn: "Matrix series, renamed" });
}

/** A valid save of a new series' settings for GCSE Welsh Language oracy (9541/01, internally assessed). */
export async function componentSettingsForm(prisma: PrismaClient): Promise<FormData> {
  const series = await newSeries(prisma);
  const oracy = await prisma.component.findUniqueOrThrow({ where: { code: "9541/01" } });
  return form({
    seriesId: series.id,
    [`markDate-${oracy.id}`]: "2027-04-30",
    [`markTime-${oracy.id}`]: "12:00",
    [`tolerance-${oracy.id}`]: "2",
  });
}
