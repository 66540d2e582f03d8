import { inflateRawSync } from "node:zlib";
import type { EventRow } from "./schema.ts";

/** The row's JSON, from whichever of its two formats it was written in (plain `data`, or `packed`). */
export function rowJson(row: Pick<EventRow, "data" | "packed">): string {
  return row.packed ? inflateRawSync(row.packed).toString("utf8") : row.data;
}
