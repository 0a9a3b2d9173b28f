// Every area's rows. To add an area, import its rows here.
import type { Row } from "../types";
import { identityRows } from "./identity";
import { usersRows } from "./users";

export const MATRIX: Row[] = [...identityRows, ...usersRows];
