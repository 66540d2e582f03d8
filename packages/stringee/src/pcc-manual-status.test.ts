import { MANUAL_STATUSES } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { fromPccManualStatus, PCC_MANUAL_STATUS } from "./pcc-manual-status.ts";

describe("fromPccManualStatus", () => {
  it("reads PCC's spellings whatever the case, spaces or underscores", () => {
    const cases: [string, string][] = [
      ["AVAILABLE", "AVAILABLE"],
      ["available", "AVAILABLE"],
      ["NOT AVAILABLE", "NOT_AVAILABLE"],
      ["NOT_AVAILABLE", "NOT_AVAILABLE"],
      ["Not  available", "NOT_AVAILABLE"],
      ["LUNCH BREAK", "LUNCH_BREAK"],
      ["short break", "SHORT_BREAK"],
      ["Invisible", "INVISIBLE"],
      ["INVISIBLE", "INVISIBLE"],
      ["ACW", "ACW"],
      [" acw ", "ACW"],
    ];
    for (const [raw, status] of cases) expect(fromPccManualStatus(raw)).toEqual({ status, known: true });
  });

  it("maps anything else to NOT_AVAILABLE (cannot ring), flagged unknown", () => {
    for (const raw of ["", "AVAIABLED", "BUSY", "meeting", "AVAILABLE!"]) {
      expect(fromPccManualStatus(raw)).toEqual({ status: "NOT_AVAILABLE", known: false });
    }
  });

  it("round-trips every Callboard status through PCC's spelling", () => {
    for (const status of MANUAL_STATUSES) {
      expect(fromPccManualStatus(PCC_MANUAL_STATUS[status])).toEqual({ status, known: true });
    }
  });
});
