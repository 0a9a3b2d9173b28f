// Factories shared by the tests and the seed. Each takes a PrismaClient or a transaction client.
export { newId, chunks, filesDir, type Db } from "./db";
export { createRng, hashSeed, type Rng } from "./prng";
export { createCentre, type CentreOverrides } from "./centres";
export {
  createUser,
  cachedHash,
  DEMO_TOTP_SECRET,
  DEFAULT_TEST_PASSWORD,
  DEFAULT_SMS_PHONE,
  type CreateUserOptions,
  type CreatedUser,
  type MfaKind,
} from "./users";
export { createSeries, JUNE_2027_RESULTS_DAY, type SeriesOverrides } from "./series";
export {
  createQualificationCatalogue,
  CATALOGUE,
  QUALIFICATIONS,
  type Catalogue,
  type SpecWithComponents,
} from "./catalogue";
export {
  createCandidates,
  candidateRow,
  makeUci,
  uciCheckLetter,
  isALevelCandidate,
  type CandidateCohort,
  type CreateCandidatesOptions,
} from "./candidates";
export {
  createEntriesAndResults,
  createGradeBoundaries,
  type EntriesAndResults,
  type EntriesAndResultsOptions,
} from "./results";
export { createResources, createQuestionPapers, RESOURCE_YEARS } from "./resources";
export { makePdf, writeStoredFile } from "./files";
export * from "./grades";
export { FIRST_NAMES, LAST_NAMES, SHOWCASE_NAMES } from "./names";
export {
  createReviewRequests,
  createScripts,
  scriptFileKey,
  setScriptConsent,
  type CreateScriptsOptions,
} from "./post-results";
