import type { DomainEvent, LoggedEvent } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { NO_ANSWER, outcomeKey, recordedBehaviour, talkKey } from "./behaviour.ts";

let seq = 100;
const at = (t: number, e: DomainEvent): LoggedEvent => ({ ...e, seq: ++seq, at: t }) as LoggedEvent;
const offered = (t: number, callId: string, agentIds: string[]) =>
  at(t, { type: "call.offered", callId, agentIds, expiresAt: t + 15_000, decision: {} as never });

describe("an agent's recorded behaviour", () => {
  it("keeps each offer's outcome by call, agent and offer number, and each answered call's talk", () => {
    seq = 100;
    const log = [
      offered(1_000, "c1", ["lan"]),
      at(16_000, {
        type: "call.offer_ended",
        callId: "c1",
        agentIds: ["lan"],
        reason: "TIMEOUT",
        autoNotAvailable: [],
      }),
      offered(16_000, "c1", ["minh"]),
      at(19_000, { type: "call.declined", callId: "c1", agentId: "minh" }),
      offered(19_000, "c1", ["lan"]),
      at(23_000, { type: "call.answered", callId: "c1", agentId: "lan" }),
      at(83_000, { type: "call.ended", callId: "c1", talkSec: 60 }),
    ];
    const b = recordedBehaviour(log);
    expect(b.outcomes.get(outcomeKey("c1", "lan", 1))).toEqual(NO_ANSWER);
    expect(b.outcomes.get(outcomeKey("c1", "minh", 1))).toEqual({
      kind: "decline",
      delayMs: 3_000,
      seq: 104,
    });
    expect(b.outcomes.get(outcomeKey("c1", "lan", 2))).toEqual({ kind: "answer", delayMs: 4_000, seq: 106 });
    expect(b.talks.get(talkKey("c1", "lan"))).toEqual({
      ms: 60_000,
      end: { type: "call.ended", callId: "c1", talkSec: 60 },
      seq: 107,
    });
    expect(b.samples.get("lan")).toEqual({
      outcomes: [NO_ANSWER, { kind: "answer", delayMs: 4_000, seq: 106 }],
      talkMs: [60_000],
    });
    expect([...b.modelled].sort()).toEqual([104, 106, 107]);
  });

  it("takes no sample from offers someone else ended, and invents nothing past the period", () => {
    seq = 200;
    const log = [
      offered(1_000, "c1", ["lan", "minh", "hoa"]), // ring-all
      at(5_000, { type: "call.answered", callId: "c1", agentId: "minh" }),
      offered(6_000, "c2", ["lan"]),
      at(7_000, { type: "call.abandoned", callId: "c2" }), // the caller hung up while it rang
      offered(8_000, "c3", ["hoa"]),
      at(9_000, {
        type: "call.offer_ended",
        callId: "c3",
        agentIds: ["hoa"],
        reason: "AGENT_UNAVAILABLE",
        autoNotAvailable: [],
      }),
      offered(10_000, "c4", ["lan"]), // still ringing when the period ends
    ];
    const b = recordedBehaviour(log);
    expect(b.outcomes.get(outcomeKey("c1", "lan", 1))).toEqual(NO_ANSWER);
    expect(b.outcomes.get(outcomeKey("c2", "lan", 1))).toEqual(NO_ANSWER);
    expect(b.outcomes.get(outcomeKey("c3", "hoa", 1))).toEqual(NO_ANSWER);
    expect(b.outcomes.get(outcomeKey("c4", "lan", 1))).toEqual(NO_ANSWER);
    expect(b.samples.get("lan")).toBeUndefined();
    expect(b.samples.get("hoa")).toBeUndefined();
    expect(b.samples.get("minh")?.outcomes).toEqual([{ kind: "answer", delayMs: 4_000, seq: 202 }]);
    // minh is still talking at the end: that call never ends in a run.
    expect(b.talks.get(talkKey("c1", "minh"))?.ms).toBe(Number.POSITIVE_INFINITY);
    // The hang-up is the caller's: replayed as recorded, not modelled.
    expect(b.modelled.has(204)).toBe(false);
  });

  it("leaves answers to offers made before the period to the recorded inputs, and models their talk", () => {
    seq = 300;
    const b = recordedBehaviour([
      at(1_000, { type: "call.answered", callId: "old", agentId: "lan" }),
      at(9_000, { type: "call.ended", callId: "old" }),
    ]);
    expect([...b.modelled]).toEqual([302]);
    expect(b.outcomes.size).toBe(0);
    expect(b.talks.get(talkKey("old", "lan"))?.ms).toBe(8_000);
  });
});
