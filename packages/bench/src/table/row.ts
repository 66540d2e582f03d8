/**
 * One row file of `pnpm bench`'s table (issue 12 §4): it measures a figure and, in the same run, the
 * baseline it is read against. Rows are independent (each starts what it needs and stops it), so a
 * row is added, replaced or removed by editing `rows/index.ts` only.
 */
export type Verdict = "PASS" | "FAIL" | "—" | "not measured";

/** One line of the printed table. */
export interface Line {
  figure: string;
  measured: string;
  baseline: string;
  /** measured ÷ baseline, as printed ("0.31×"), or "" when there is no baseline. */
  ratio: string;
  target: string;
  verdict: Verdict;
}

export interface RowResult {
  lines: Line[];
  /** Raw figures for the JSON file (numbers in the unit their key names). */
  data: Record<string, number | string | boolean | null>;
  /** Printed under the table: what the load was, what was left out. */
  notes: string[];
}

export interface BenchRow {
  /** Key of the row in the JSON file. */
  id: string;
  run(): Promise<RowResult>;
}

/** PASS when every check holds, FAIL otherwise. A missed target never fails the process. */
export const verdict = (...checks: boolean[]): Verdict => (checks.every(Boolean) ? "PASS" : "FAIL");
