import type { Row } from "../types";

export const usersRows: Row[] = [];
