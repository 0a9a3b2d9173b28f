import type { Role } from "@/lib/generated/prisma/enums";
import type { Bilingual, SectionKey, Service } from "./catalogue";

// docs/product-rules.md ("All Services"), defined once as data: each tile's section, titles and
// descriptions in both languages, what it needs, and its route. lib/services/catalogue.ts
// answers who may use which.

const CENTRE_ROLES: Role[] = ["EXAMS_OFFICER", "ADMIN", "USER"];

// A service without `href` has a planned-service page at /services/<key> until it is built.
const s = (
  key: string,
  section: SectionKey,
  title: Bilingual,
  description: Bilingual,
  need: Partial<Pick<Service, "permission" | "roles" | "appointee" | "href">> = {},
): Service => ({
  key,
  section,
  title,
  description,
  roles: need.roles ?? CENTRE_ROLES,
  permission: need.permission,
  appointee: need.appointee,
  href: need.href ?? `/services/${key}`,
});

export const SERVICES: Service[] = [
  s(
    "question-papers",
    "key",
    { en: "Today's question papers", cy: "Papurau cwestiynau heddiw" },
    {
      en: "Download the question papers for today's exams, from the time the board sets.",
      cy: "Llwytho papurau cwestiynau arholiadau heddiw i lawr, o'r amser y mae'r bwrdd yn ei bennu.",
    },
    { permission: "question_papers", href: "/key-information/question-papers" },
  ),
  s(
    "timetable",
    "key",
    { en: "Exam timetable", cy: "Amserlen arholiadau" },
    { en: "Dates and sessions of every exam in the series.", cy: "Dyddiadau a sesiynau pob arholiad yn y gyfres." },
    { href: "/key-information/timetable" },
  ),
  s(
    "circulars",
    "key",
    { en: "Circulars", cy: "Cylchlythyrau" },
    { en: "Notices from the board to exams officers.", cy: "Hysbysiadau gan y bwrdd i swyddogion arholiadau." },
    { href: "/key-information/circulars" },
  ),
  s(
    "centre-details",
    "centre",
    { en: "General: centre details", cy: "Cyffredinol: manylion y ganolfan" },
    { en: "Your centre's number, name and address.", cy: "Rhif, enw a chyfeiriad eich canolfan." },
    { href: "/centre/details" },
  ),
  s(
    "a2c",
    "centre",
    { en: "A2C keys", cy: "Allweddi A2C" },
    {
      en: "Keys that let your A2C software fetch results and entries.",
      cy: "Allweddi sy'n gadael i'ch meddalwedd A2C nôl canlyniadau a chofrestriadau.",
    },
    { permission: "a2c", href: "/centre/a2c" },
  ),
  s(
    "manage-users",
    "centre",
    { en: "Manage users", cy: "Rheoli defnyddwyr" },
    {
      en: "Invite staff, change their permissions and remove accounts.",
      cy: "Gwahodd staff, newid eu caniatâd a dileu cyfrifon.",
    },
    { permission: "manage_users", href: "/centre/users" },
  ),
  s(
    "centre-activity",
    "centre",
    { en: "Centre activity", cy: "Gweithgarwch y ganolfan" },
    {
      en: "Who invited, changed and deleted which accounts, and when.",
      cy: "Pwy wahoddodd, newidiodd a dileodd ba gyfrifon, a phryd.",
    },
    { permission: "manage_users", href: "/centre/activity" },
  ),
  s(
    "candidates",
    "entries",
    { en: "Candidates", cy: "Ymgeiswyr" },
    {
      en: "Your centre's candidates: numbers, UCIs, names and dates of birth.",
      cy: "Ymgeiswyr eich canolfan: rhifau, UCI, enwau a dyddiadau geni.",
    },
    { permission: "entries", href: "/entries/candidates" },
  ),
  s(
    "entries",
    "entries",
    { en: "Entries", cy: "Cofrestriadau" },
    {
      en: "Enter candidates for qualifications, withdraw them, and see the deadlines.",
      cy: "Cofrestru ymgeiswyr ar gyfer cymwysterau, eu tynnu'n ôl, a gweld y terfynau amser.",
    },
    { permission: "entries", href: "/entries" },
  ),
  s(
    "iamis",
    "exams",
    { en: "IAMIS mark input", cy: "Mewnbynnu marciau IAMIS" },
    {
      en: "Key in internal assessment marks and submit them for moderation.",
      cy: "Mewnbynnu marciau asesu mewnol a'u cyflwyno i'w cymedroli.",
    },
    { permission: "iamis", href: "/iamis" },
  ),
  s(
    "moderator-reports",
    "exams",
    { en: "Moderator reports", cy: "Adroddiadau cymedrolwyr" },
    {
      en: "Read the moderator's report on your centre's marking.",
      cy: "Darllen adroddiad y cymedrolwr ar farcio eich canolfan.",
    },
    { permission: "iamis", href: "/moderator-reports" },
  ),
  s(
    "access-arrangements",
    "exams",
    { en: "Access arrangements", cy: "Trefniadau mynediad" },
    {
      en: "Apply for extra time, readers, scribes and modified papers.",
      cy: "Gwneud cais am amser ychwanegol, darllenwyr, ysgrifenyddion a phapurau wedi'u haddasu.",
    },
    { permission: "access_arrangements", href: "/access-arrangements" },
  ),
  s(
    "results",
    "results",
    { en: "Candidate results", cy: "Canlyniadau ymgeiswyr" },
    {
      en: "Results by candidate and by subject, and statements of results.",
      cy: "Canlyniadau fesul ymgeisydd a fesul pwnc, a datganiadau o ganlyniadau.",
    },
    { permission: "results", href: "/results" },
  ),
  s(
    "results-file",
    "results",
    { en: "Download results file", cy: "Llwytho'r ffeil canlyniadau i lawr" },
    { en: "Your centre's results as a CSV file.", cy: "Canlyniadau eich canolfan fel ffeil CSV." },
    { permission: "results", href: "/results/file" },
  ),
  s(
    "grade-boundaries",
    "results",
    { en: "Grade boundaries", cy: "Ffiniau graddau" },
    {
      en: "The marks needed for each grade, per component.",
      cy: "Y marciau sydd eu hangen ar gyfer pob gradd, fesul cydran.",
    },
    { permission: "results", href: "/results/grade-boundaries" },
  ),
  s(
    "item-level-data",
    "results",
    { en: "Item level data", cy: "Data ar lefel eitem" },
    { en: "Marks per question for each component.", cy: "Marciau fesul cwestiwn ar gyfer pob cydran." },
    { permission: "results", href: "/results/item-level-data" },
  ),
  s(
    "results-analysis",
    "results",
    { en: "Results analysis", cy: "Dadansoddi canlyniadau" },
    {
      en: "Your centre's grade distribution beside the board's.",
      cy: "Dosbarthiad graddau eich canolfan ochr yn ochr â dosbarthiad y bwrdd.",
    },
    { permission: "results", href: "/results/analysis" },
  ),
  s(
    "scripts",
    "post",
    { en: "View scripts", cy: "Gweld sgriptiau" },
    {
      en: "See candidates' marked scripts, where they have given consent.",
      cy: "Gweld sgriptiau ymgeiswyr wedi'u marcio, lle maen nhw wedi rhoi caniatâd.",
    },
    { permission: "scripts", href: "/post-results/scripts" },
  ),
  s(
    "reviews",
    "post",
    { en: "Reviews of marking", cy: "Adolygu'r marcio" },
    {
      en: "Request a review of marking or a copy of a script, and track it.",
      cy: "Gwneud cais i adolygu'r marcio neu am gopi o sgript, a'i ddilyn.",
    },
    { permission: "results", href: "/post-results/reviews" },
  ),
  s(
    "past-papers",
    "resources",
    { en: "Past papers and mark schemes", cy: "Cyn-bapurau a chynlluniau marcio" },
    {
      en: "Past papers and mark schemes for the specifications you teach.",
      cy: "Cyn-bapurau a chynlluniau marcio ar gyfer y manylebau rydych yn eu haddysgu.",
    },
    { permission: "resources", href: "/resources/past-papers" },
  ),
  s(
    "support-material",
    "resources",
    { en: "Subject support material", cy: "Deunyddiau cefnogi pynciau" },
    {
      en: "Guidance and support material, some only for centres with entries.",
      cy: "Canllawiau a deunyddiau cefnogi, rhai ar gyfer canolfannau â chofrestriadau yn unig.",
    },
    { permission: "resources", href: "/resources/support-material" },
  ),
  s(
    "pre-release",
    "resources",
    { en: "Pre-release material", cy: "Deunyddiau a ryddheir ymlaen llaw" },
    {
      en: "Material the board releases before an exam, for centres with entries, from the date it sets.",
      cy: "Deunyddiau y mae'r bwrdd yn eu rhyddhau cyn arholiad, ar gyfer canolfannau â chofrestriadau, o'r dyddiad y mae'n ei bennu.",
    },
    { permission: "resources", href: "/resources/pre-release" },
  ),
  s(
    "emi",
    "appointees",
    { en: "Examiner mark input (EMI)", cy: "Mewnbynnu marciau arholwyr (EMI)" },
    {
      en: "Your allocated components and the marks to enter and submit.",
      cy: "Y cydrannau a ddyrannwyd i chi a'r marciau i'w mewnbynnu a'u cyflwyno.",
    },
    { roles: ["APPOINTEE"], appointee: "EXAMINER", href: "/emi" },
  ),
  s(
    "moderation",
    "appointees",
    { en: "Moderator mark input", cy: "Mewnbynnu marciau cymedrolwyr" },
    {
      en: "Review centres' samples, enter moderated marks and write reports.",
      cy: "Adolygu samplau canolfannau, mewnbynnu marciau wedi'u cymedroli ac ysgrifennu adroddiadau.",
    },
    { roles: ["APPOINTEE"], appointee: "MODERATOR", href: "/moderation" },
  ),
  s(
    "board-centres",
    "board",
    { en: "Centres", cy: "Canolfannau" },
    {
      en: "List and create centres, and invite or replace their exams officer.",
      cy: "Rhestru a chreu canolfannau, a gwahodd neu newid eu swyddog arholiadau.",
    },
    { roles: ["BOARD_STAFF"], href: "/board/centres" },
  ),
  s(
    "board-series",
    "board",
    { en: "Series and results days", cy: "Cyfresi a diwrnodau canlyniadau" },
    {
      en: "Set each series' results day and release times.",
      cy: "Pennu diwrnod canlyniadau ac amserau rhyddhau pob cyfres.",
    },
    { roles: ["BOARD_STAFF"], href: "/board/series" },
  ),
  s(
    "board-publishing",
    "board",
    { en: "Publishing results", cy: "Cyhoeddi canlyniadau" },
    { en: "Load and publish results for release.", cy: "Llwytho a chyhoeddi canlyniadau i'w rhyddhau." },
    { roles: ["BOARD_STAFF"], href: "/board/publishing" },
  ),
  s(
    "board-resources",
    "board",
    { en: "Resources and papers", cy: "Adnoddau a phapurau" },
    {
      en: "Upload past papers, mark schemes and question papers.",
      cy: "Uwchlwytho cyn-bapurau, cynlluniau marcio a phapurau cwestiynau.",
    },
    { roles: ["BOARD_STAFF"], href: "/board/resources" },
  ),
  s(
    "board-post-results",
    "board",
    { en: "Reviews and scripts", cy: "Adolygiadau a sgriptiau" },
    {
      en: "Handle centres' reviews of marking and upload copies of scripts.",
      cy: "Ymdrin ag adolygiadau marcio canolfannau ac uwchlwytho copïau o sgriptiau.",
    },
    { roles: ["BOARD_STAFF"], href: "/board/post-results" },
  ),
  s(
    "board-appointees",
    "board",
    { en: "Appointees", cy: "Penodeion" },
    {
      en: "Create examiner and moderator accounts and allocate their work.",
      cy: "Creu cyfrifon arholwyr a chymedrolwyr a dyrannu eu gwaith.",
    },
    { roles: ["BOARD_STAFF"], href: "/board/appointees" },
  ),
  s(
    "board-access-arrangements",
    "board",
    { en: "Access arrangements", cy: "Trefniadau mynediad" },
    {
      en: "Approve or refuse the access arrangement applications referred to the board.",
      cy: "Cymeradwyo neu wrthod y ceisiadau am drefniadau mynediad a gyfeiriwyd at y bwrdd.",
    },
    { roles: ["BOARD_STAFF"], href: "/board/access-arrangements" },
  ),
  s(
    "board-moderation",
    "board",
    { en: "Moderation", cy: "Cymedroli" },
    {
      en: "Centres' mark sheets and samples: release moderators' reports, unlock a sheet.",
      cy: "Taflenni marciau a samplau canolfannau: rhyddhau adroddiadau cymedrolwyr, datgloi taflen.",
    },
    { roles: ["BOARD_STAFF"], href: "/board/moderation" },
  ),
];
