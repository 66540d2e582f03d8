import type { ConnectorStatus } from "@callboard/contracts";
import { describe, expect, it } from "vitest";
import { formatFor, translator } from "../i18n/testing.ts";
import { describeNextSync, describeProblemSource, describeSyncState, formatAgo } from "./connector.ts";

const t = translator("en", "connector");
const f = formatFor("en");

const NOW = 1_800_000_000_000;

const sync = (patch: Partial<ConnectorStatus["sync"]>): ConnectorStatus["sync"] => ({
  state: "pending",
  lastAttemptAt: null,
  lastSuccessAt: null,
  nextAt: null,
  durationMs: null,
  agents: 0,
  groups: 0,
  queues: 0,
  changes: 0,
  warnings: [],
  ...patch,
});

describe("describeSyncState", () => {
  it("pending before the first pull", () => {
    expect(describeSyncState(t, f, sync({}), NOW)).toEqual({
      tone: "pending",
      text: "Sync pending · first pull from PCC not done yet",
    });
  });

  it("ok, with how long ago the last sync finished", () => {
    expect(describeSyncState(t, f, sync({ state: "ok", lastSuccessAt: NOW - 12_000 }), NOW)).toEqual({
      tone: "ok",
      text: "Sync ok · last sync 12s ago",
    });
  });

  it("failed, saying how old the mirror is, or that there never was one", () => {
    expect(describeSyncState(t, f, sync({ state: "failed", lastSuccessAt: NOW - 125_000 }), NOW)).toEqual({
      tone: "failed",
      text: "Sync failed · last good sync 2m 05s ago",
    });
    expect(describeSyncState(t, f, sync({ state: "failed", lastAttemptAt: NOW - 1_000 }), NOW).text).toBe(
      "Sync failed · never synced",
    );
  });
});

describe("describeNextSync", () => {
  it.each([
    [null, null],
    [NOW + 48_000, "next in 48s"],
    [NOW, "next due now"],
    [NOW - 3_000, "next due now"],
  ])("%s → %s", (nextAt, text) => {
    expect(describeNextSync(t, f, nextAt, NOW)).toBe(text);
  });
});

describe("formatAgo and plurals", () => {
  it("says never for a time that has not happened", () => {
    expect(formatAgo(t, f, null, NOW)).toBe("never");
    expect(formatAgo(t, f, NOW - 65_000, NOW)).toBe("1m 05s ago");
  });

  it("picks the singular only for one", () => {
    expect(t("agents", { count: 0 })).toBe("0 agents");
    expect(t("agents", { count: 1 })).toBe("1 agent");
    expect(t("unknownQueues", { count: 2 })).toBe("2 unknown queues");
    expect(t("refusedSignatures", { count: 3 })).toBe("3 refused signatures");
    expect(translator("vi", "connector")("agents", { count: 3 })).toBe("3 nhân viên");
  });
});

describe("describeProblemSource", () => {
  it("names the connector's part in words and when it failed", () => {
    expect(describeProblemSource(t, f, { at: NOW - 10_000, where: "events", message: "x" }, NOW)).toBe(
      "Call events · 10s ago",
    );
  });
});
