import type { KpiPeriodView, QueueKpiView } from "@callboard/kpi";

/**
 * A queue's KPI view as the heartbeat carries it: the same shape, its ratios rounded to 0.01 % and
 * its seconds to 0.1 s. Screens show ratios as whole or one-decimal percents and seconds to the
 * second; the digits past that were most of a beat's bytes after gzip (a double's 17 random digits
 * do not compress), and they made a queue's view "change" every second while nothing on screen did.
 */
export function kpiViewOnWire(view: QueueKpiView): QueueKpiView {
  return {
    ...view,
    today: periodOnWire(view.today),
    window: periodOnWire(view.window),
    advice: view.advice && {
      ...view.advice,
      predictedServiceLevel: ratio(view.advice.predictedServiceLevel),
    },
  };
}

function periodOnWire(p: KpiPeriodView): KpiPeriodView {
  return {
    ...p,
    serviceLevel: nullable(ratio, p.serviceLevel),
    asaSec: nullable(seconds, p.asaSec),
    abandonRate: nullable(ratio, p.abandonRate),
    ahtSec: nullable(seconds, p.ahtSec),
    occupancy: nullable(ratio, p.occupancy),
  };
}

const ratio = (x: number) => Math.round(x * 10_000) / 10_000;
const seconds = (x: number) => Math.round(x * 10) / 10;
const nullable = (round: (x: number) => number, x: number | null) => (x === null ? null : round(x));
