"use client";

import { useTranslations } from "next-intl";
import { type ChartTable, toCsv } from "~/lib/history-table";

/** Downloads the chart's own table as CSV: the same numbers the chart shows (stable column names, ISO periods). */
export function CsvButton({ table, filename }: { table: ChartTable; filename: string }) {
  const t = useTranslations("history");
  return (
    <button
      type="button"
      className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
      onClick={() => {
        const url = URL.createObjectURL(new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" }));
        const link = document.createElement("a");
        link.href = url;
        link.download = filename;
        link.click();
        URL.revokeObjectURL(url);
      }}
    >
      {t("downloadCsv")}
    </button>
  );
}
