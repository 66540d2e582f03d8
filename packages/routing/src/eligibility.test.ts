import { describe, expect, it } from "vitest";
import type { Agent } from "./agent.ts";
import { canRing, explain, isEligible, pccReasons, REASON_TEXT, Reason } from "./eligibility.ts";
import { MANUAL_STATUSES, type ManualStatus } from "./manual-status.ts";
import { isOnline, onlineSignals } from "./presence.ts";

/** A deep copy of plain JSON data (the state is plain JSON by design). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Written out by hand (not imported) so a renamed or dropped status fails here. */
const STATUSES = [
  "AVAILABLE",
  "NOT_AVAILABLE",
  "LUNCH_BREAK",
  "SHORT_BREAK",
  "INVISIBLE",
  "ACW",
] as const satisfies readonly ManualStatus[];

interface Case {
  systemStatus: 0 | 1;
  manualStatus: ManualStatus;
  routingType: 1 | 2;
  app: boolean;
  pushTokens: string[];
  sip: boolean;
  phoneNumber: string | null;
  ringingCallId: string | null;
}

function* allCases(): Generator<Case> {
  for (const systemStatus of [0, 1] as const)
    for (const manualStatus of STATUSES)
      for (const routingType of [1, 2] as const)
        for (const app of [true, false])
          for (const pushTokens of [[], ["tok"]])
            for (const sip of [true, false])
              for (const phoneNumber of [null, "84912345678"])
                for (const ringingCallId of [null, "c1"])
                  yield {
                    systemStatus,
                    manualStatus,
                    routingType,
                    app,
                    pushTokens,
                    sip,
                    phoneNumber,
                    ringingCallId,
                  };
}

function toAgent(c: Case): Agent {
  return {
    id: "a1",
    name: "Agent One",
    phoneNumber: c.phoneNumber,
    routingType: c.routingType,
    manualStatus: c.manualStatus,
    systemStatus: c.systemStatus,
    presence: { app: c.app, pushTokens: c.pushTokens, sip: c.sip },
    since: 0,
    idleSince: 0,
    ringingCallId: c.ringingCallId,
    activeCallId: null,
    answeredCalls: 0,
    missedOffers: 0,
  };
}

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
    ["MANUAL_NOT_AVAILABLE", c.manualStatus !== "AVAILABLE"],
    ["OFFLINE", c.routingType === 1 && offline],
    ["NO_PHONE_NUMBER", c.routingType === 2 && c.phoneNumber === null],
  ];
  return failing.filter(([, fails]) => fails).map(([code]) => code);
}

describe("eligibility: every combination of PCC's inputs", () => {
  it("MANUAL_STATUSES is exactly the six statuses this table enumerates", () => {
    expect([...MANUAL_STATUSES]).toEqual([...STATUSES]);
  });

  it("isOnline, onlineSignals, isEligible, pccReasons, explain and canRing agree with the rule in all 768 cases", () => {
    let count = 0;
    let eligible = 0;
    let ringable = 0;
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

      const withReservation = c.ringingCallId === null ? reasons : [...reasons, "RESERVED"];
      expect(explain(agent), label).toEqual(withReservation);
      expect(canRing(agent), label).toBe(expectedEligible(c) && c.ringingCallId === null);

      if (isEligible(agent)) eligible++;
      if (canRing(agent)) ringable++;
    }
    expect(count).toBe(768);
    // Counted by hand: system 1 × AVAILABLE × (type 1: 7 online presences × 2 phones + type 2: 8 presences × 1 phone) = 22,
    // times 2 reservations for isEligible, times 1 (not reserved) for canRing.
    expect(eligible).toBe(44);
    expect(ringable).toBe(22);
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

  it("an agent failing everything lists every reason in order", () => {
    const agent = {
      ...base,
      systemStatus: 0 as const,
      manualStatus: "LUNCH_BREAK" as const,
      presence: { app: false, pushTokens: [], sip: false },
      ringingCallId: "c1",
    };
    expect(explain(agent)).toEqual(["ON_CALL", "MANUAL_NOT_AVAILABLE", "OFFLINE", "RESERVED"]);
  });

  it("every reason has a text for the board", () => {
    for (const code of Object.values(Reason)) {
      expect(REASON_TEXT[code].length).toBeGreaterThan(0);
    }
    expect(Object.keys(Reason).sort()).toEqual(
      ["MANUAL_NOT_AVAILABLE", "NO_PHONE_NUMBER", "OFFLINE", "ON_CALL", "RESERVED"].sort(),
    );
  });
});
