import type { WallboardTile } from "@callboard/contracts";
import { describe, expect, it } from "vitest";
import { translator } from "../i18n/testing.ts";
import {
  centerTotals,
  clockDuration,
  pageLayout,
  parseWallboardParams,
  ROTATE_DEFAULT_SEC,
  reloadDelayMs,
  retryDelayMs,
  selectTiles,
  spokenDuration,
} from "./wallboard-model.ts";

function tile(queueId: string, name = queueId, extra: Partial<WallboardTile> = {}): WallboardTile {
  return {
    queueId,
    name,
    waiting: 0,
    ringing: 0,
    talking: 0,
    longestWaitMs: 0,
    canRing: 0,
    wrapUp: 0,
    onCall: 0,
    away: 0,
    members: 0,
    answered: 0,
    abandoned: 0,
    timedOut: 0,
    kpi: null,
    ...extra,
  };
}

describe("parseWallboardParams", () => {
  it("reads the token from the fragment, the queues in order, the rotation and the totals row", () => {
    expect(
      parseWallboardParams("?queues=support, sales,,support&rotate=20&totals=off", "#token=abc"),
    ).toEqual({
      token: "abc",
      queues: ["support", "sales"],
      rotateSec: 20,
      totals: false,
      notices: [],
    });
    expect(parseWallboardParams("", "#token=abc")).toMatchObject({
      token: "abc",
      queues: null,
      rotateSec: 15,
      totals: null,
    });
  });

  it("never takes the token from the query string, which reaches servers", () => {
    expect(parseWallboardParams("?token=abc", "").token).toBeNull();
  });

  it.each(["abc", "0", "2", "-5", "1.5", "100000"])(
    "rotate=%s falls back to the default, with a notice",
    (v) => {
      const params = parseWallboardParams(`?rotate=${v}`, "");
      expect(params.rotateSec).toBe(ROTATE_DEFAULT_SEC);
      expect(params.notices[0]).toEqual({ param: "rotate", value: v });
    },
  );
});

describe("selectTiles", () => {
  const tiles = [tile("sales", "Sales"), tile("support", "Support"), tile("vip", "VIP")];
  it("narrows and orders the token's tiles, by id or by name", () => {
    const { shown, unknown } = selectTiles(tiles, ["vip", "sales"]);
    expect(shown.map((t) => t.queueId)).toEqual(["vip", "sales"]);
    expect(unknown).toEqual([]);
    expect(selectTiles(tiles, ["SUPPORT"]).shown.map((t) => t.queueId)).toEqual(["support"]);
  });
  it("names the queues this screen does not have", () => {
    expect(selectTiles(tiles, ["sales", "billing"]).unknown).toEqual(["billing"]);
  });
  it("shows every tile when the URL names none", () => {
    expect(selectTiles(tiles, null).shown).toHaveLength(3);
  });
});

describe("pageLayout", () => {
  it("puts up to three tiles in one row of a 16:9 screen, four in a grid, and pages the rest", () => {
    expect(pageLayout(1920, 1080, 2)).toMatchObject({ cols: 2, rows: 1, shape: "narrow", scale: 1.15 });
    expect(pageLayout(1920, 1080, 3)).toMatchObject({ cols: 3, rows: 1, shape: "narrow", pages: 1 });
    expect(pageLayout(3840, 2160, 4)).toMatchObject({ cols: 2, rows: 2, shape: "wide", pages: 1, scale: 1 });
    expect(pageLayout(1920, 1080, 9)).toMatchObject({ pageSize: 4, pages: 3 });
  });
  it("gives a lone tile bigger figures", () => {
    expect(pageLayout(1920, 1080, 1)).toMatchObject({ cols: 1, rows: 1, scale: 1.6 });
    expect(pageLayout(1920, 1080, 0)).toMatchObject({ pages: 1 });
  });
  it("stacks on a portrait screen", () => {
    expect(pageLayout(1080, 1920, 5)).toMatchObject({ cols: 1, rows: 3, pages: 2 });
  });
});

describe("centerTotals", () => {
  it("sums waiting, keeps the longest wait, and counts queues below target", () => {
    const totals = centerTotals([
      tile("a", "A", { waiting: 2, longestWaitMs: 5_000 }),
      tile("b", "B", { waiting: 3, longestWaitMs: 9_000 }),
    ]);
    expect(totals).toMatchObject({ waiting: 5, longestWaitMs: 9_000, belowTarget: 0, withServiceLevel: 0 });
  });
});

describe("durations", () => {
  it.each([
    [45, "45 s"],
    [120, "2 min"],
    [150, "2 min 30 s"],
    [3_900, "1 h 05 min"],
  ])("%i s is said %s", (sec, text) => expect(spokenDuration(translator("en", "wallboard"), sec)).toBe(text));
  it("says them in Vietnamese too", () => {
    expect(spokenDuration(translator("vi", "wallboard"), 150)).toBe("2 phút 30 giây");
  });
  it("shows a wait like a clock", () => {
    expect(clockDuration(45_000)).toBe("0:45");
    expect(clockDuration(725_000)).toBe("12:05");
    expect(clockDuration(3_723_000)).toBe("1:02:03");
  });
});

describe("retries", () => {
  it("back off to a ceiling and never stop", () => {
    expect([0, 1, 2, 3].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(50)).toBe(60_000);
    expect(reloadDelayMs(0)).toBe(3_000);
    expect(reloadDelayMs(99)).toBe(300_000);
  });
});
