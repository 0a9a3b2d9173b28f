// Help and the accessibility statement (the footer's links): public pages, for everyone.
import type { Row } from "../types";

const PUBLIC = "public: help and the accessibility statement need no session";

export const helpRows: Row[] = [
  { endpoint: "page /help", allow: "everyone", rule: PUBLIC },
  { endpoint: "page /accessibility", allow: "everyone", rule: PUBLIC },
];
