import type { Component, Qualification, Specification } from "@/lib/generated/prisma/client";
import { londonTime } from "@/lib/time";
import type { Db } from "./db";

type ComponentDef = {
  n: string;
  en: string;
  cy: string;
  max: number;
  /** NEA: mark deadline (London wall clock [y, m, d, h, min]). */
  nea?: [number, number, number, number, number];
  /** Written paper: exam start (London wall clock). */
  exam?: [number, number, number, number, number];
};
type SpecDef = { code: string; qual: "GCSE" | "A level"; en: string; cy: string; components: ComponentDef[] };

const AM = 9;
const PM = 13;
const gcseNea: ComponentDef["nea"] = [2027, 5, 5, 23, 59];
const alevelNea: ComponentDef["nea"] = [2027, 5, 15, 23, 59];
const june = (day: number, hour: number): ComponentDef["exam"] => [2027, 6, day, hour, hour === PM ? 30 : 0];

export const QUALIFICATIONS = [
  { code: "GCSE", nameEn: "GCSE", nameCy: "TGAU" },
  { code: "A level", nameEn: "A level", nameCy: "Safon Uwch" },
] as const;

/** The demo catalogue: 5 GCSEs and 3 A levels, each with 2–3 components (written and NEA). */
export const CATALOGUE: SpecDef[] = [
  {
    code: "9521",
    qual: "GCSE",
    en: "Latin",
    cy: "Lladin",
    components: [
      { n: "01", en: "Latin Language", cy: "Iaith Ladin", max: 100, exam: june(7, AM) },
      {
        n: "02",
        en: "Latin Literature and Sources",
        cy: "Llenyddiaeth a Ffynonellau Lladin",
        max: 60,
        exam: june(16, PM),
      },
    ],
  },
  {
    code: "9531",
    qual: "GCSE",
    en: "Mathematics",
    cy: "Mathemateg",
    components: [
      { n: "01", en: "Paper 1: Non-calculator", cy: "Papur 1: Heb gyfrifiannell", max: 80, exam: june(3, AM) },
      { n: "02", en: "Paper 2: Calculator", cy: "Papur 2: Gyda chyfrifiannell", max: 80, exam: june(10, AM) },
      { n: "03", en: "Paper 3: Calculator", cy: "Papur 3: Gyda chyfrifiannell", max: 80, exam: june(15, AM) },
    ],
  },
  {
    code: "9541",
    qual: "GCSE",
    en: "Welsh Language",
    cy: "Cymraeg Iaith",
    components: [
      { n: "01", en: "Oracy", cy: "Llafaredd", max: 60, nea: gcseNea },
      {
        n: "02",
        en: "Reading and Writing: Description, Narration and Exposition",
        cy: "Darllen ac Ysgrifennu: Disgrifio, Naratif ac Esbonio",
        max: 80,
        exam: june(4, AM),
      },
      {
        n: "03",
        en: "Reading and Writing: Argumentation, Persuasion and Instruction",
        cy: "Darllen ac Ysgrifennu: Dadlau, Perswadio a Chyfarwyddo",
        max: 80,
        exam: june(14, PM),
      },
    ],
  },
  {
    code: "9551",
    qual: "GCSE",
    en: "Geography",
    cy: "Daearyddiaeth",
    components: [
      {
        n: "01",
        en: "Changing Physical and Human Landscapes",
        cy: "Tirweddau Ffisegol a Dynol sy'n Newid",
        max: 90,
        exam: june(8, PM),
      },
      {
        n: "02",
        en: "Environmental and Development Issues",
        cy: "Materion Amgylcheddol a Datblygiad",
        max: 80,
        exam: june(18, AM),
      },
      { n: "03", en: "Fieldwork Enquiry", cy: "Ymholiad Gwaith Maes", max: 40, nea: gcseNea },
    ],
  },
  {
    code: "9561",
    qual: "GCSE",
    en: "English Literature",
    cy: "Llenyddiaeth Saesneg",
    components: [
      { n: "01", en: "Shakespeare and Poetry", cy: "Shakespeare a Barddoniaeth", max: 80, exam: june(2, AM) },
      { n: "02", en: "Post-1914 Prose and Drama", cy: "Rhyddiaith a Drama ar ôl 1914", max: 80, exam: june(9, AM) },
    ],
  },
  {
    code: "9611",
    qual: "A level",
    en: "History",
    cy: "Hanes",
    components: [
      { n: "01", en: "Period Study", cy: "Astudiaeth Cyfnod", max: 100, exam: june(11, PM) },
      { n: "02", en: "Depth Study", cy: "Astudiaeth Fanwl", max: 100, exam: june(21, AM) },
      { n: "03", en: "Historical Investigation", cy: "Ymchwiliad Hanesyddol", max: 60, nea: alevelNea },
    ],
  },
  {
    code: "9621",
    qual: "A level",
    en: "Computer Science",
    cy: "Cyfrifiadureg",
    components: [
      {
        n: "01",
        en: "Programming and System Development",
        cy: "Rhaglennu a Datblygu Systemau",
        max: 120,
        exam: june(15, PM),
      },
      {
        n: "02",
        en: "Computer Architecture, Data, Communication and Applications",
        cy: "Pensaernïaeth Cyfrifiaduron, Data, Cyfathrebu a Chymwysiadau",
        max: 120,
        exam: june(22, AM),
      },
      {
        n: "03",
        en: "Programmed Solution to a Problem",
        cy: "Datrysiad wedi'i Raglennu i Broblem",
        max: 80,
        nea: alevelNea,
      },
    ],
  },
  {
    code: "9631",
    qual: "A level",
    en: "Chemistry",
    cy: "Cemeg",
    components: [
      {
        n: "01",
        en: "Physical and Inorganic Chemistry",
        cy: "Cemeg Ffisegol ac Anorganig",
        max: 100,
        exam: june(17, AM),
      },
      { n: "02", en: "Organic Chemistry and Analysis", cy: "Cemeg Organig a Dadansoddi", max: 100, exam: june(23, PM) },
    ],
  },
];

/**
 * The questions of the written papers, by component code, with their maximum marks in paper
 * order (they add up to the component's maximum): examiners key marks per question (examiner
 * mark input). Labels default to 1, 2, 3… English Literature's essay papers (9561) have none:
 * their examiners key a total.
 */
export const QUESTIONS: Record<string, { max: number[]; labels?: string[] }> = {
  "9521/01": { max: [15, 12, 14, 16, 13, 15, 6, 9], labels: ["1(a)", "1(b)", "2", "3", "4", "5", "6", "7"] },
  "9521/02": { max: [12, 18, 8, 8, 14] },
  "9531/01": { max: [14, 10, 9, 14, 15, 10, 8] },
  "9531/02": { max: [14, 16, 11, 6, 6, 15, 12] },
  "9531/03": { max: [15, 13, 9, 12, 12, 8, 11] },
  "9541/02": { max: [16, 9, 13, 9, 10, 16, 7] },
  "9541/03": { max: [12, 11, 12, 9, 13, 11, 12] },
  "9551/01": { max: [8, 12, 15, 7, 11, 12, 13, 12] },
  "9551/02": { max: [14, 9, 18, 11, 12, 8, 8] },
  "9611/01": { max: [18, 13, 13, 9, 12, 9, 14, 12] },
  "9611/02": { max: [15, 16, 10, 15, 7, 12, 16, 9] },
  "9621/01": { max: [8, 12, 14, 11, 13, 11, 13, 13, 15, 10] },
  "9621/02": { max: [16, 15, 10, 14, 6, 11, 14, 7, 15, 12] },
  "9631/01": { max: [14, 11, 13, 13, 16, 13, 13, 7] },
  "9631/02": { max: [8, 17, 8, 14, 7, 16, 15, 15] },
};

export type SpecWithComponents = Specification & { qualification: Qualification; components: Component[] };

export type Catalogue = {
  qualifications: Qualification[];
  specs: SpecWithComponents[];
  components: Component[];
  /** A specification by its code, e.g. spec("9521"). Throws for an unknown code. */
  spec(code: string): SpecWithComponents;
};

export type CatalogueOptions = {
  /** Only these specification codes (default: all of CATALOGUE). */
  only?: string[];
};

/**
 * Qualifications, specifications and components of CATALOGUE. Upserts by code, so it can be
 * called again on the same database (it returns the existing rows, brought up to date).
 */
export async function createQualificationCatalogue(db: Db, options: CatalogueOptions = {}): Promise<Catalogue> {
  const qualifications: Qualification[] = [];
  for (const q of QUALIFICATIONS) {
    qualifications.push(
      await db.qualification.upsert({
        where: { code: q.code },
        create: { ...q },
        update: { nameEn: q.nameEn, nameCy: q.nameCy },
      }),
    );
  }
  const byCode = new Map(qualifications.map((q) => [q.code, q]));
  const specs: SpecWithComponents[] = [];
  for (const def of CATALOGUE) {
    if (options.only && !options.only.includes(def.code)) continue;
    const qualification = byCode.get(def.qual)!;
    const specData = { qualificationId: qualification.id, titleEn: def.en, titleCy: def.cy };
    const spec = await db.specification.upsert({
      where: { code: def.code },
      create: { code: def.code, ...specData },
      update: specData,
    });
    const components: Component[] = [];
    for (const c of def.components) {
      const code = `${def.code}/${c.n}`;
      const data = {
        specificationId: spec.id,
        titleEn: c.en,
        titleCy: c.cy,
        maxMark: c.max,
        internallyAssessed: Boolean(c.nea),
        markDeadline: c.nea ? londonTime(...c.nea) : null,
        examAt: c.exam ? londonTime(...c.exam) : null,
      };
      const component = await db.component.upsert({ where: { code }, create: { code, ...data }, update: data });
      await upsertQuestions(db, component.id, code);
      components.push(component);
    }
    specs.push({ ...spec, qualification, components });
  }
  return {
    qualifications,
    specs,
    components: specs.flatMap((s) => s.components),
    spec(code: string) {
      const found = specs.find((s) => s.code === code);
      if (!found) throw new Error(`No specification ${code} in the catalogue`);
      return found;
    },
  };
}

/** The component's questions as QUESTIONS defines them (by number; extra ones removed). */
async function upsertQuestions(db: Db, componentId: string, code: string): Promise<void> {
  const def = QUESTIONS[code];
  const max = def?.max ?? [];
  const rows = max.map((maxMark, i) => ({
    componentId,
    number: i + 1,
    label: def?.labels?.[i] ?? String(i + 1),
    maxMark,
  }));
  const existing = await db.componentQuestion.findMany({ where: { componentId }, orderBy: { number: "asc" } });
  if (existing.length === 0) {
    if (rows.length) await db.componentQuestion.createMany({ data: rows });
    return;
  }
  for (const [i, maxMark] of max.entries()) {
    const number = i + 1;
    const label = def?.labels?.[i] ?? String(number);
    await db.componentQuestion.upsert({
      where: { componentId_number: { componentId, number } },
      create: { componentId, number, label, maxMark },
      update: { label, maxMark },
    });
  }
  await db.componentQuestion.deleteMany({ where: { componentId, number: { gt: max.length } } });
}
