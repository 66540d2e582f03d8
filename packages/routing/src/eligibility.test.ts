import { describe, expect, it } from "vitest";
import { allCases, type Case, clone, STATUSES, toAgent } from "./center.test-helpers.ts";
import { canRing, explain, isEligible, pccReasons, REASON_TEXT, Reason, reasonText } from "./eligibility.ts";
import { MANUAL_STATUSES } from "./manual-status.ts";
import { isOnline, onlineSignals } from "./presence.ts";

/** The expected online signals, spelled as a lookup rather than a computation. */
function expectedSignals(c: Case): string[] {
  const key = `${c.app ? "A" : "-"}${c.pushTokens.length ? "P" : "-"}${c.sip ? "S" : "-"}`;
  const table: Record<string, string[]> = {
    "---": [],
    "--S": ["sip"],
    "-P-": ["push"],
    "-PS": ["push", "sip"],
    "A--": ["app"],
    "A-S": ["app", "sip"],
    "AP-": ["app", "push"],
    APS: ["app", "push", "sip"],
  };
  const signals = table[key];
  if (!signals) throw new Error(`no row for ${key}`);
  return signals;
}

/** PCC's rule, as the product owner wrote it. */
function expectedEligible(c: Case): boolean {
  const online = c.app || c.pushTokens.length >= 1 || c.sip;
  const phoneConfigured = c.phoneNumber !== null && c.phoneNumber !== "";
  return (
    c.systemStatus === 1 &&
    c.manualStatus === "AVAILABLE" &&
    ((c.routingType === 1 && online) || (c.routingType === 2 && phoneConfigured))
  );
}

/** The reasons, each as its own failing clause, in the documented order. */
function expectedReasons(c: Case): string[] {
  const offline = !c.app && c.pushTokens.length === 0 && !c.sip;
  const failing: [string, boolean][] = [
    ["ON_CALL", c.systemStatus === 0],
    ["SYSTEM_STATUS_OTHER", c.systemStatus !== 0 && c.systemStatus !== 1],
    ["MANUAL_NOT_AVAILABLE", c.manualStatus !== "AVAILABLE"],
    ["OFFLINE", c.routingType === 1 && offline],
    ["NO_PHONE_NUMBER", c.routingType === 2 && c.phoneNumber === null],
    ["UNKNOWN_ROUTING_TYPE", c.routingType !== 1 && c.routingType !== 2],
  ];
  return failing.filter(([, fails]) => fails).map(([code]) => code);
}

/**
 * What explain() must say: PCC's failing clauses, except that system status 0 during after-call work
 * reads WRAP_UP instead of ON_CALL, then RESERVED while ringing. Wrap-up is carried by system status 0,
 * so with system status 1 the wrap-up flag has nothing to rename.
 */
function expectedExplain(c: Case): string[] {
  const offline = !c.app && c.pushTokens.length === 0 && !c.sip;
  const failing: [string, boolean][] = [
    ["ON_CALL", c.systemStatus === 0 && c.wrapUpUntil === null],
    ["WRAP_UP", c.systemStatus !== 1 && c.wrapUpUntil !== null],
    ["SYSTEM_STATUS_OTHER", c.systemStatus !== 0 && c.systemStatus !== 1 && c.wrapUpUntil === null],
    ["MANUAL_NOT_AVAILABLE", c.manualStatus !== "AVAILABLE"],
    ["OFFLINE", c.routingType === 1 && offline],
    ["NO_PHONE_NUMBER", c.routingType === 2 && c.phoneNumber === null],
    ["UNKNOWN_ROUTING_TYPE", c.routingType !== 1 && c.routingType !== 2],
    ["RESERVED", c.ringingCallId !== null],
  ];
  return failing.filter(([, fails]) => fails).map(([code]) => code);
}

describe("eligibility: every combination of PCC's inputs", () => {
  it("MANUAL_STATUSES is exactly the six statuses this table enumerates", () => {
    expect([...MANUAL_STATUSES]).toEqual([...STATUSES]);
  });

  it("isOnline, onlineSignals, isEligible, pccReasons, explain and canRing agree with the rule in all 1536 cases", () => {
    let count = 0;
    let eligible = 0;
    let ringable = 0;
    let wrapUp = 0;
    for (const c of allCases()) {
      count++;
      const agent = toAgent(c);
      const label = JSON.stringify(c);

      expect(onlineSignals(agent), label).toEqual(expectedSignals(c));
      expect(isOnline(agent), label).toBe(expectedSignals(c).length > 0);

      const reasons = expectedReasons(c);
      expect(isEligible(agent), label).toBe(expectedEligible(c));
      expect(pccReasons(agent), label).toEqual(reasons);
      // The rule and its explanation must never disagree.
      expect(reasons.length === 0, label).toBe(expectedEligible(c));

      // The engine's holds only rename (WRAP_UP) or add (RESERVED) reasons; PCC's rule is untouched.
      const explained = expectedExplain(c);
      expect(explain(agent), label).toEqual(explained);
      expect(
        explained.filter((r) => r !== "RESERVED").map((r) => (r === "WRAP_UP" ? "ON_CALL" : r)),
        label,
      ).toEqual(reasons);
      expect(canRing(agent), label).toBe(expectedEligible(c) && c.ringingCallId === null);

      if (isEligible(agent)) eligible++;
      if (canRing(agent)) ringable++;
      if (explain(agent).includes("WRAP_UP")) wrapUp++;
    }
    expect(count).toBe(1536);
    // Counted by hand: system 1 × AVAILABLE × (type 1: 7 online presences × 2 phones + type 2: 8 presences × 1 phone) = 22,
    // times 2 reservations × 2 wrap-up values for isEligible, times 1 (not reserved) × 2 wrap-up values for canRing
    // (with system status 1 a wrap-up flag alone holds nothing: system status 0 is what keeps an agent out).
    expect(eligible).toBe(88);
    expect(ringable).toBe(44);
    // WRAP_UP: system 0 with a wrap-up: half of the 768 system-0 cases.
    expect(wrapUp).toBe(384);
  });

  it("fails closed over every combination with system status 2 and routing types 0 and 3 (4,608 cases)", () => {
    let count = 0;
    let eligible = 0;
    for (const c of allCases({ wide: true })) {
      count++;
      const agent = toAgent(c);
      const label = JSON.stringify(c);
      const odd = c.systemStatus !== 1 || (c.routingType !== 1 && c.routingType !== 2);
      expect(isEligible(agent), label).toBe(expectedEligible(c));
      if (odd) expect(isEligible(agent), label).toBe(false);
      expect(canRing(agent), label).toBe(expectedEligible(c) && c.ringingCallId === null);
      expect(pccReasons(agent), label).toEqual(expectedReasons(c));
      expect(explain(agent), label).toEqual(expectedExplain(c));
      // The rule and its explanation never disagree, whatever the values.
      expect(pccReasons(agent).length === 0, label).toBe(isEligible(agent));
      if (isEligible(agent)) eligible++;
    }
    expect(count).toBe(4608);
    // Only the 1,536 known-value cases can be eligible: the same 88 as above.
    expect(eligible).toBe(88);
  });

  it("does not mutate its input", () => {
    for (const c of allCases()) {
      const agent = toAgent(c);
      const before = clone(agent);
      explain(agent);
      explain(agent);
      canRing(agent);
      expect(agent).toEqual(before);
    }
  });
});

describe("eligibility: named examples", () => {
  const base = toAgent({
    systemStatus: 1,
    manualStatus: "AVAILABLE",
    routingType: 1,
    app: true,
    pushTokens: [],
    sip: false,
    phoneNumber: null,
    ringingCallId: null,
    wrapUpUntil: null,
  });

  it("an online, available, free app agent can ring", () => {
    expect(explain(base)).toEqual([]);
    expect(canRing(base)).toBe(true);
  });

  it("an empty phone number counts as not configured for routing type 2", () => {
    const agent = { ...base, routingType: 2 as const, phoneNumber: "" };
    expect(isEligible(agent)).toBe(false);
    expect(pccReasons(agent)).toEqual(["NO_PHONE_NUMBER"]);
  });

  it("routing type 2 does not need the agent to be online", () => {
    const agent = {
      ...base,
      routingType: 2 as const,
      phoneNumber: "84912345678",
      presence: { app: false, pushTokens: [], sip: false },
    };
    expect(isEligible(agent)).toBe(true);
  });

  it("routing type 1 does not need a phone number, only one online signal", () => {
    for (const presence of [
      { app: false, pushTokens: ["t"], sip: false },
      { app: false, pushTokens: [], sip: true },
      { app: true, pushTokens: [], sip: false },
    ]) {
      expect(isEligible({ ...base, presence, phoneNumber: null })).toBe(true);
    }
    expect(isEligible({ ...base, presence: { app: false, pushTokens: [], sip: false } })).toBe(false);
  });

  it("a reserved agent is still PCC-eligible but cannot ring", () => {
    const agent = { ...base, ringingCallId: "c9" };
    expect(isEligible(agent)).toBe(true);
    expect(explain(agent)).toEqual(["RESERVED"]);
    expect(canRing(agent)).toBe(false);
  });

  it("an agent in after-call work reads WRAP_UP, not ON_CALL, and PCC still says system status 0", () => {
    const agent = { ...base, systemStatus: 0 as const, wrapUpUntil: 40_000 };
    expect(explain(agent)).toEqual(["WRAP_UP"]);
    expect(pccReasons(agent)).toEqual(["ON_CALL"]);
    expect(isEligible(agent)).toBe(false);
    expect(canRing(agent)).toBe(false);
    // Once the wrap-up ends (system status 1, no deadline) the agent can ring again.
    expect(canRing({ ...agent, systemStatus: 1, wrapUpUntil: null })).toBe(true);
  });

  it("an agent on a call reads ON_CALL (no wrap-up yet)", () => {
    const agent = { ...base, systemStatus: 0 as const, activeCallId: "c4" };
    expect(explain(agent)).toEqual(["ON_CALL"]);
  });

  it("an agent failing everything lists every reason in order", () => {
    const agent = {
      ...base,
      systemStatus: 0 as const,
      manualStatus: "LUNCH_BREAK" as const,
      presence: { app: false, pushTokens: [], sip: false },
      ringingCallId: "c1",
    };
    expect(explain(agent)).toEqual(["ON_CALL", "MANUAL_NOT_AVAILABLE", "OFFLINE", "RESERVED"]);
    expect(explain({ ...agent, wrapUpUntil: 9_000 })).toEqual([
      "WRAP_UP",
      "MANUAL_NOT_AVAILABLE",
      "OFFLINE",
      "RESERVED",
    ]);
  });

  it("system status 2 reported by PCC is not free, with the value in the text", () => {
    const agent = { ...base, systemStatus: 2 };
    expect(isEligible(agent)).toBe(false);
    expect(canRing(agent)).toBe(false);
    expect(explain(agent)).toEqual(["SYSTEM_STATUS_OTHER"]);
    expect(reasonText("SYSTEM_STATUS_OTHER", agent)).toBe("system status 2 reported by PCC: not free");
  });

  it("a routing type neither 1 nor 2 never rings, however available and online", () => {
    for (const routingType of [0, 3, -1, 1.5]) {
      const agent = { ...base, routingType: routingType as 1, phoneNumber: "84912345678" };
      expect(isEligible(agent)).toBe(false);
      expect(canRing(agent)).toBe(false);
      expect(explain(agent)).toEqual(["UNKNOWN_ROUTING_TYPE"]);
      expect(reasonText("UNKNOWN_ROUTING_TYPE", agent)).toContain(`routing type ${routingType} `);
    }
  });

  it("every reason has a text for the board", () => {
    for (const code of Object.values(Reason)) {
      expect(REASON_TEXT[code].length).toBeGreaterThan(0);
      expect(reasonText(code, base).length).toBeGreaterThan(0);
    }
    expect(Object.keys(Reason).sort()).toEqual(
      [
        "MANUAL_NOT_AVAILABLE",
        "NO_PHONE_NUMBER",
        "OFFLINE",
        "ON_CALL",
        "RESERVED",
        "SYSTEM_STATUS_OTHER",
        "UNKNOWN_ROUTING_TYPE",
        "WRAP_UP",
      ].sort(),
    );
  });
});
