// All messages of a locale: the core file plus one file per area (lib/i18n/messages/<locale>/
// <area>.json), deep-merged. An area file may add keys to a shared namespace such as "errors";
// a key defined twice is a mistake, caught by messages.test.ts. To add an area, add its two
// imports here.
import enCore from "./en.json";
import cyCore from "./cy.json";
import enUsers from "./en/users.json";
import cyUsers from "./cy/users.json";
import enEntries from "./en/entries.json";
import cyEntries from "./cy/entries.json";
import enA2c from "./en/a2c.json";
import cyA2c from "./cy/a2c.json";
import enResources from "./en/resources.json";
import cyResources from "./cy/resources.json";
import enPostResults from "./en/post-results.json";
import cyPostResults from "./cy/post-results.json";
import enResults from "./en/results.json";
import cyResults from "./cy/results.json";
import enBoardSeries from "./en/board-series.json";
import cyBoardSeries from "./cy/board-series.json";
import enPublishing from "./en/publishing.json";
import cyPublishing from "./cy/publishing.json";
import enAppointees from "./en/appointees.json";
import cyAppointees from "./cy/appointees.json";
import enPasskeys from "./en/passkeys.json";
import cyPasskeys from "./cy/passkeys.json";
import enBoardResources from "./en/board-resources.json";
import cyBoardResources from "./cy/board-resources.json";
import enAccessArrangements from "./en/access-arrangements.json";
import cyAccessArrangements from "./cy/access-arrangements.json";
import enEmi from "./en/emi.json";
import cyEmi from "./cy/emi.json";
import enModeration from "./en/moderation.json";
import cyModeration from "./cy/moderation.json";
import enMarks from "./en/marks.json";
import cyMarks from "./cy/marks.json";
import enIamis from "./en/iamis.json";
import cyIamis from "./cy/iamis.json";

/** The shape next-intl checks keys against (global.d.ts): the intersection of the English files. */
export type Messages = typeof enCore &
  typeof enUsers &
  typeof enEntries &
  typeof enA2c &
  typeof enResources &
  typeof enResults &
  typeof enBoardSeries &
  typeof enAppointees &
  typeof enPostResults &
  typeof enPublishing &
  typeof enPasskeys &
  typeof enBoardResources &
  typeof enAccessArrangements &
  typeof enEmi &
  typeof enModeration &
  typeof enMarks &
  typeof enIamis;

export type MessageTree = { [key: string]: string | MessageTree };

export const MESSAGE_FILES: Record<"en" | "cy", Record<string, MessageTree>> = {
  en: {
    core: enCore,
    users: enUsers,
    entries: enEntries,
    a2c: enA2c,
    resources: enResources,
    results: enResults,
    postResults: enPostResults,
    boardSeries: enBoardSeries,
    publishing: enPublishing,
    appointees: enAppointees,
    passkeys: enPasskeys,
    boardResources: enBoardResources,
    accessArrangements: enAccessArrangements,
    emi: enEmi,
    moderation: enModeration,
    marks: enMarks,
    iamis: enIamis,
  },
  cy: {
    core: cyCore,
    users: cyUsers,
    entries: cyEntries,
    a2c: cyA2c,
    resources: cyResources,
    results: cyResults,
    postResults: cyPostResults,
    boardSeries: cyBoardSeries,
    publishing: cyPublishing,
    appointees: cyAppointees,
    passkeys: cyPasskeys,
    boardResources: cyBoardResources,
    accessArrangements: cyAccessArrangements,
    emi: cyEmi,
    moderation: cyModeration,
    marks: cyMarks,
    iamis: cyIamis,
  },
};

/** Deep-merges trees; returns the dotted keys defined in more than one file. */
export function mergeMessages(files: MessageTree[]): { messages: MessageTree; duplicates: string[] } {
  const duplicates: string[] = [];
  const merge = (into: MessageTree, from: MessageTree, prefix: string) => {
    for (const [key, value] of Object.entries(from)) {
      const existing = into[key];
      if (typeof value === "string" || existing === undefined || typeof existing === "string") {
        if (existing !== undefined) duplicates.push(prefix + key);
        into[key] = typeof value === "string" ? value : structuredClone(value);
      } else merge(existing, value, `${prefix}${key}.`);
    }
  };
  const messages: MessageTree = {};
  for (const file of files) merge(messages, file, "");
  return { messages, duplicates };
}

const merged = {
  en: mergeMessages(Object.values(MESSAGE_FILES.en)).messages,
  cy: mergeMessages(Object.values(MESSAGE_FILES.cy)).messages,
};

export function messagesFor(locale: "en" | "cy"): MessageTree {
  return merged[locale];
}
