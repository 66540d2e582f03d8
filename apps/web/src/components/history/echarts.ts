/**
 * ECharts, with only what history draws registered (tree-shaken: bars, lines, a dataset, axes,
 * tooltip, legend, zoom; canvas). Imported dynamically by chart.tsx, so it
 * is a chunk of its own that only /history loads — never the board's or wallboard's bundles.
 * @see ../../../../../docs/decisions/0014-history-charts-echarts.md
 */
import { BarChart, LineChart } from "echarts/charts";
import {
  DatasetComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  DatasetComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
