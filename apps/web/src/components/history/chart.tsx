"use client";

import type { EChartsCoreOption, EChartsType } from "echarts/core";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "~/lib/field-errors";
import { useDarkTheme } from "../preferences";

/**
 * One ECharts chart, drawn on a canvas. The library is loaded on first use (dynamic import), so
 * pages without charts never download it. `label` names the chart for screen readers (ECharts'
 * own aria description is not used: it reads a dataset's rows as noise); the totals or table
 * beside it, and its CSV, carry the same numbers. It is drawn again in ECharts' dark theme when the
 * page turns dark (axis text and lines light; the page's background shows through).
 */
export function Chart({
  option,
  label,
  height = 360,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
}) {
  const t = useTranslations("history");
  const dark = useDarkTheme();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    import("./echarts")
      .then(({ echarts }) => {
        if (disposed || !element.current) return;
        chart.current = echarts.init(element.current, dark ? "dark" : null, { renderer: "canvas" });
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(element.current);
        setReady(true);
      })
      .catch(setFailed);
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [dark]);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      <figcaption className="mb-2 text-sm font-medium text-slate-800 dark:text-slate-200">{label}</figcaption>
      {failed ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {errorMessage(failed)}
        </p>
      ) : (
        <div className="relative">
          {/* ECharts owns this element's children: React renders none into it. */}
          <div
            ref={element}
            role="img"
            aria-label={label}
            data-chart-ready={ready ? "true" : "false"}
            style={{ height }}
            className="w-full"
          />
          {!ready && (
            <p className="absolute inset-0 p-4 text-sm text-slate-500 dark:text-slate-400">{t("loading")}</p>
          )}
        </div>
      )}
    </figure>
  );
}
