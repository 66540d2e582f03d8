/** The table's rows, in print order: one file each; add, replace or remove a row here. */
import type { BenchRow } from "../row.ts";
import { boardBytesRow } from "./board-bytes.ts";
import { bootRow } from "./boot.ts";
import { bootAfter30DaysRow } from "./boot-30-days.ts";
import { compiledVsTsxRow } from "./compiled-vs-tsx.ts";
import { fanoutRow } from "./fanout.ts";
import { ingestRow } from "./ingest.ts";
import { socketsRow } from "./sockets.ts";

export const ROWS: BenchRow[] = [
  bootRow,
  compiledVsTsxRow,
  ingestRow,
  fanoutRow,
  socketsRow,
  bootAfter30DaysRow,
  boardBytesRow,
];
