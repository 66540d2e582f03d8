/** Formatting shared by the benches: numbers as people read them and markdown tables. */

/** Microseconds: one decimal below 100, whole numbers with separators above. */
export const us = (x: number): string =>
  Number.isNaN(x) ? "n/a" : x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(1);

export const count = (x: number): string => (Number.isNaN(x) ? "n/a" : Math.round(x).toLocaleString("en-US"));

/** a / b as "0.31×". */
export const ratio = (a: number, b: number): string =>
  b > 0 && !Number.isNaN(a) ? `${(a / b).toFixed(a / b >= 100 ? 0 : 2)}×` : "n/a";

/** A markdown table, first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
