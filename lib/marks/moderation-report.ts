import { z } from "zod";
import { isMultiLine } from "@/lib/validation/text";

// The moderator's report on a centre's sheet (docs/marks.md, "Moderation"): four structured
// sections and free comments. The sections' headings are messages (`moderation.section_<key>`);
// the report stores only their keys and the text written under each. Shared by the form and
// the data layer.

export const REPORT_SECTIONS = ["administration", "criteria", "annotation", "advice"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const SECTION_MAX = 4000;
export const COMMENTS_MAX = 8000;

const text = (max: number) =>
  z
    .string()
    .max(max, "moderationTextTooLong")
    .refine(isMultiLine, "moderationTextInvalid")
    .transform((s) => s.trim());

/** A report as saved (a draft may leave sections empty). */
export const reportDraftSchema = z
  .object({
    sections: z
      .object(
        Object.fromEntries(REPORT_SECTIONS.map((k) => [k, text(SECTION_MAX)])) as Record<
          ReportSection,
          ReturnType<typeof text>
        >,
      )
      .strict(),
    comments: text(COMMENTS_MAX),
  })
  .strict();

export type ReportDraft = z.output<typeof reportDraftSchema>;

/** The sections a report still needs before it can be submitted (every one is written). */
export function missingSections(draft: ReportDraft): ReportSection[] {
  return REPORT_SECTIONS.filter((k) => draft.sections[k].length === 0);
}
