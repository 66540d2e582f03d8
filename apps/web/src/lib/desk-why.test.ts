import type { DeskWhy } from "@callboard/contracts";
import { describe, expect, it } from "vitest";
import { translator } from "../i18n/testing.ts";
import { deskWhyLine } from "./desk-why";

const line = (why: DeskWhy | null, locale: "en" | "vi" = "en") =>
  deskWhyLine(why, translator(locale, "desk"), translator(locale, "decisions"));

const FIRST: DeskWhy = { strategy: "longest-idle", rank: 1, pool: 3, backup: false, missedThisCall: false };

describe("the desk's why-you line", () => {
  it("says the strategy, its ordering and where the agent stood, with English ordinals", () => {
    expect(line(FIRST)).toBe("longest-idle — free since (earliest first): 1st of 3 who could ring");
    expect(line({ ...FIRST, rank: 2 })).toMatch(/: 2nd of 3/);
    expect(line({ ...FIRST, rank: 3 })).toMatch(/: 3rd of 3/);
    expect(line({ ...FIRST, rank: 11, pool: 12 })).toMatch(/: 11th of 12/);
    expect(line({ ...FIRST, rank: 22, pool: 30 })).toMatch(/: 22nd of 30/);
  });

  it("adds what put the agent lower: a backup group, a call it missed before", () => {
    expect(line({ ...FIRST, strategy: "fewest-calls", backup: true, missedThisCall: true })).toBe(
      "fewest-calls — answered calls (fewest first): 1st of 3 who could ring, from a backup group, you missed this call before",
    );
  });

  it("names only the strategy when the agent had no rank, and says when the decision is gone", () => {
    expect(line({ ...FIRST, strategy: "ring-all", rank: null })).toBe(
      "ring-all — free since (all ring at once)",
    );
    expect(line(null)).toBe("The decision is no longer available.");
  });

  it("speaks Vietnamese", () => {
    expect(line({ ...FIRST, rank: 2, backup: true }, "vi")).toBe(
      "longest-idle — thời điểm rảnh (sớm nhất trước): thứ 2 trong 3 người có thể đổ chuông, từ một nhóm dự phòng",
    );
  });
});
