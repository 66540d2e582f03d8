import type { AgentsHistory, QueueHistory } from "@callboard/contracts";
import { kpiPeriod } from "@callboard/kpi";
import { describe, expect, it } from "vitest";
import {
  agentsTable,
  callsTable,
  localDayFormatter,
  localPeriodFormatter,
  periodLabel,
  serviceLevelTable,
  toCsv,
} from "./history-table";

const DAY = Date.parse("2026-11-23T17:00:00Z"); // 24 Nov, 00:00 in Ho Chi Minh City

function point(from: number, counts: Partial<Record<"offered" | "answered" | "inSl" | "waitMs", number>>) {
  const c = new Float64Array(16);
  c[1] = counts.offered ?? 0;
  c[2] = counts.answered ?? 0;
  c[3] = counts.inSl ?? 0;
  c[10] = counts.waitMs ?? 0;
  return kpiPeriod(c, from, from + 3_600_000);
}

const history: QueueHistory = {
  queueId: "sales",
  name: "Sales",
  fromDate: "2026-11-24",
  toDate: "2026-11-24",
  today: "2026-11-24",
  timeZone: "Asia/Ho_Chi_Minh",
  granularity: "hour",
  target: { serviceLevelSec: 20, serviceLevelTarget: 80 },
  points: [point(DAY, { offered: 3, answered: 3, inSl: 2, waitMs: 31_000 }), point(DAY + 3_600_000, {})],
  total: point(DAY, { offered: 3, answered: 3, inSl: 2, waitMs: 31_000 }),
};

describe("history tables", () => {
  it("labels periods in the queue's zone", () => {
    expect(periodLabel(DAY + 15 * 60_000, "15min", "Asia/Ho_Chi_Minh")).toBe("2026-11-24 00:15");
    expect(periodLabel(DAY, "day", "Asia/Ho_Chi_Minh")).toBe("2026-11-24");
  });

  it("labels periods for the page in the viewer's language, still in the queue's zone", () => {
    const at = DAY + 14 * 3_600_000 + 15 * 60_000; // 24 Nov, 14:15 in Ho Chi Minh City
    expect(localPeriodFormatter("en", "15min", "Asia/Ho_Chi_Minh")(at)).toBe("11/24, 14:15");
    expect(localPeriodFormatter("vi", "hour", "Asia/Ho_Chi_Minh")(at)).toBe("14:15 24-11");
    expect(localPeriodFormatter("vi", "15min", "Asia/Ho_Chi_Minh", true)(at)).toBe("14:15");
    expect(localPeriodFormatter("vi", "day", "Asia/Ho_Chi_Minh")(DAY)).toBe("24/11/2026");
    expect(localPeriodFormatter("en", "day", "UTC")(DAY)).toBe("11/23/2026");
    expect(localDayFormatter("vi")("2026-11-24")).toBe("24 thg 11, 2026");
    expect(localDayFormatter("en")("2026-11-24")).toBe("Nov 24, 2026");
  });

  it("writes the chart's numbers, rounded once, empty where nothing was counted, under stable column names", () => {
    const table = serviceLevelTable(history);
    expect(table.starts).toEqual([DAY, DAY + 3_600_000]);
    expect(toCsv(table)).toBe(
      "period,serviceLevel,target,asa,offered,answered\r\n" +
        "2026-11-24 00:00,66.7,80,10.3,3,3\r\n" +
        "2026-11-24 01:00,,80,,0,0\r\n",
    );
    expect(callsTable(history).rows[0]).toEqual(["2026-11-24 00:00", 3, 3, 0, 0, 0]);
  });

  it("quotes what needs quoting, and shows agents' hours", () => {
    const agents: AgentsHistory = {
      ...history,
      agents: [
        {
          agentId: "a",
          name: 'Lan "Lucky", Nguyen',
          from: DAY,
          to: DAY + 86_400_000,
          answered: 4,
          handled: 3,
          talkSec: 600,
          handleSec: 700,
          canRingSec: 5400,
          onCallSec: 600,
          wrapUpSec: 100,
          awaySec: 0,
          offlineSec: 80_300,
        },
      ],
      series: null,
    };
    expect(toCsv(agentsTable(agents)).split("\r\n")[1]).toBe(
      '"Lan ""Lucky"", Nguyen",1.5,0.17,0.03,0,22.31,4,3',
    );
  });
});
