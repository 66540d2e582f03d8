import { type CenterState, type DomainEvent, emptyState, type LoggedEvent, step } from "@callboard/routing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agentToday, emptyAgentDayState, foldAgentDay } from "./agent-day.ts";
import { MONDAY_0900_HCM, queueConfig } from "./kpi.test-helpers.ts";

/**
 * The agent-day fold over any sequence the engine logs equals a brute-force recomputation from the
 * list of events: filter the log by the local day of `now` and count, finding each ended call's
 * answer by searching the log backwards — no running state at all.
 */

const DAY = 86_400_000;
const HCM_OFFSET = 7 * 3_600_000;
/** Ho Chi Minh City has no daylight saving: local midnight by arithmetic, independent of Intl. */
const hcmMidnight = (t: number) => Math.floor((t + HCM_OFFSET) / DAY) * DAY - HCM_OFFSET;

function bruteForce(log: readonly LoggedEvent[], agentId: string, now: number) {
  const from = hcmMidnight(now);
  const inDay = (e: LoggedEvent) => e.at >= from && e.at <= now;
  let answered = 0;
  let missed = 0;
  let talkMs = 0;
  log.forEach((e, i) => {
    if (!inDay(e)) return;
    if (e.type === "call.answered" && e.agentId === agentId) answered++;
    if (e.type === "call.offer_ended" && e.reason === "TIMEOUT" && e.agentIds.includes(agentId)) missed++;
    if (e.type === "call.ended" || e.type === "call.abandoned") {
      const answer = log.slice(0, i).findLast((a) => a.type === "call.answered" && a.callId === e.callId);
      if (answer?.type !== "call.answered" || answer.agentId !== agentId) return;
      talkMs +=
        e.type === "call.ended" && e.talkSec !== undefined ? Math.round(e.talkSec * 1000) : e.at - answer.at;
    }
  });
  return { answered, missed, talkMs };
}

const AGENTS = ["a0", "a1", "a2"];

type Command =
  | { kind: "arrive" }
  | { kind: "answer" | "abandon" | "breakRinging"; pick: number }
  | { kind: "end"; pick: number; talkSec: number | undefined }
  | { kind: "status"; agent: number; available: boolean }
  | { kind: "tick" };

const gap = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 40_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 30 * 60_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 14 * 3_600_000 }) },
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("arrive" as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("answer" as const), pick: fc.nat(5) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("end" as const),
      pick: fc.nat(5),
      talkSec: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("abandon" as const), pick: fc.nat(5) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("status" as const), agent: fc.nat(2), available: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("tick" as const) }) },
  // An agent who goes on a break while ringing: the offer is withdrawn, not missed.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("breakRinging" as const), pick: fc.nat(5) }) },
);

describe("the agent-day fold against a brute-force recomputation", () => {
  it("agrees for any sequence the engine logs, at every step", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(command, gap), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 12 * 3_600_000 }),
        (script, readLater) => {
          const state: CenterState = emptyState();
          const days = emptyAgentDayState("Asia/Ho_Chi_Minh");
          const log: LoggedEvent[] = [];
          let now = MONDAY_0900_HCM + 12 * 3_600_000; // 21:00, three hours before midnight
          const send = (event: DomainEvent | null) => {
            const result = step(state, event, now);
            log.push(...result.applied);
            for (const e of result.applied) foldAgentDay(days, e, state);
          };
          for (const id of AGENTS) {
            send({ type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } });
            send({ type: "agent.presence_changed", agentId: id, signal: "app", online: true });
            send({ type: "agent.manual_status_set", agentId: id, status: "AVAILABLE" });
          }
          send({ type: "group.upserted", group: { id: "g", name: "g", members: AGENTS } });
          send({
            type: "queue.upserted",
            queue: queueConfig("q", ["g"], { waitAgentAnswerTimeout: 20, maximumQueueSize: 4 }),
          });
          let calls = 0;
          const pick = (i: number, status?: string) => {
            const live = Object.values(state.calls).filter((c) => !status || c.status === status);
            return live.length === 0 ? undefined : live[i % live.length];
          };
          for (const [cmd, wait] of script) {
            now += wait;
            switch (cmd.kind) {
              case "arrive":
                send({ type: "call.arrived", callId: `c${++calls}`, queueId: "q", from: "84900000000" });
                break;
              case "answer": {
                const c = pick(cmd.pick, "ringing");
                send(c ? { type: "call.answered", callId: c.id, agentId: c.ringing[0]! } : null);
                break;
              }
              case "end": {
                const c = pick(cmd.pick, "talking");
                const talk = cmd.talkSec === undefined ? {} : { talkSec: cmd.talkSec };
                send(c ? { type: "call.ended", callId: c.id, ...talk } : null);
                break;
              }
              case "abandon": {
                const c = pick(cmd.pick);
                send(c ? { type: "call.abandoned", callId: c.id } : null);
                break;
              }
              case "status":
                send({
                  type: "agent.manual_status_set",
                  agentId: AGENTS[cmd.agent]!,
                  status: cmd.available ? "AVAILABLE" : "LUNCH_BREAK",
                });
                break;
              case "tick":
                send(null);
                break;
              case "breakRinging": {
                const c = pick(cmd.pick, "ringing");
                send(
                  c
                    ? { type: "agent.manual_status_set", agentId: c.ringing[0]!, status: "LUNCH_BREAK" }
                    : null,
                );
                break;
              }
            }
            const at = now + readLater;
            for (const id of AGENTS) {
              expect(agentToday(days.agents.get(id), at, "Asia/Ho_Chi_Minh")).toEqual(
                bruteForce(log, id, at),
              );
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
