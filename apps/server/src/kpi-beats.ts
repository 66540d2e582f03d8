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

  /** `viewsAt(now)`: every queue's KPI view at `now` (the gateway's, from the live fold). */
  constructor(private readonly viewsAt: (now: number) => readonly QueueKpiView[]) {}

  /** Every queue's views, for a board that just subscribed. */
  complete(now: number): Buffer {
    return pack(this.jsons(now).map(({ json }) => json));
  }

  /** The queues whose view changed since the previous call (all of them at the first). */
  changed(now: number): Buffer {
    const changed = this.jsons(now).flatMap(({ queueId, json }) => {
      if (this.lastSent.get(queueId) === json) return [];
      this.lastSent.set(queueId, json);
      return [json];
    });
    return pack(changed);
  }

  private jsons(now: number) {
    return this.viewsAt(now).map((view) => ({
      queueId: view.queueId,
      json: JSON.stringify(kpiViewOnWire(view)),
    }));
  }
}

const pack = (jsons: readonly string[]) => gzipSync(`[${jsons.join(",")}]`, { level: 6 });
