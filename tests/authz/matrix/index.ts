// Every area's rows. To add an area, import its rows here.
import type { Row } from "../types";
import { identityRows } from "./identity";
import { usersRows } from "./users";
import { entriesRows } from "./entries";
import { a2cRows } from "./a2c";
import { resourcesRows } from "./resources";
import { postResultsRows } from "./post-results";
import { resultsRows } from "./results";
import { boardResourcesRows } from "./board-resources";
import { boardSeriesRows } from "./board-series";
import { appointeesRows } from "./appointees";
import { helpRows } from "./help";
import { publishingRows } from "./publishing";
import { accessArrangementsRows } from "./access-arrangements";
import { iamisRows } from "./iamis";
import { emiRows } from "./emi";
import { moderationRows } from "./moderation";

export const MATRIX: Row[] = [
  ...identityRows,
  ...usersRows,
  ...entriesRows,
  ...a2cRows,
  ...resourcesRows,
  ...postResultsRows,
  ...resultsRows,
  ...boardResourcesRows,
  ...boardSeriesRows,
  ...appointeesRows,
  ...helpRows,
  ...publishingRows,
  ...accessArrangementsRows,
  ...iamisRows,
  ...emiRows,
  ...moderationRows,
];
