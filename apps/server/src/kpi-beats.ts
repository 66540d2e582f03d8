import { gzipSync } from "node:zlib";
import { kpiViewOnWire } from "@callboard/contracts";
import type { QueueKpiView } from "@callboard/kpi";

/**
 * The heartbeat's KPIs for one room, packed once per beat for every socket in it (like a delta
 * batch, decision 0016): each queue's view as the wire rounds it (kpiViewOnWire), serialized once —
 * the string is compared with the one sent last and concatenated into the beat's JSON — then gzipped.
 */
export class KpiBeats {
  private readonly lastSent = new Map<string, string>();

  /** Every queue's views (a beat's), packed for a board that just subscribed. */
  complete(views: readonly QueueKpiView[]): Buffer {
    return pack(jsons(views).map(({ json }) => json));
  }

  /** Of every queue's views (a beat's), those that changed since the previous call (all at the first). */
  changed(views: readonly QueueKpiView[]): Buffer {
    const changed = jsons(views).flatMap(({ queueId, json }) => {
      if (this.lastSent.get(queueId) === json) return [];
      this.lastSent.set(queueId, json);
      return [json];
    });
    return pack(changed);
  }
}

const jsons = (views: readonly QueueKpiView[]) =>
  views.map((view) => ({ queueId: view.queueId, json: JSON.stringify(kpiViewOnWire(view)) }));

const pack = (jsons: readonly string[]) => gzipSync(`[${jsons.join(",")}]`, { level: 6 });
