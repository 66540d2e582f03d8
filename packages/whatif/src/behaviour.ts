import type { InputEvent, LoggedEvent } from "@callboard/routing";

/** What an agent did with one offer: answered or declined it after `delayMs`, or let it ring. */
export type OfferOutcome =
  | { kind: "answer"; delayMs: number; seq: number }
  | { kind: "decline"; delayMs: number; seq: number }
  | { kind: "no-answer" };

/** How long an answered call talked, and the event that ended it (kept as recorded). */
export interface Talk {
  ms: number;
  end: InputEvent;
  seq: number;
}

/**
 * Every agent's recorded behaviour over the period, read from the log:
 * - `outcomes`: for the n-th offer of call c to agent a in the period (`outcomeKey`), what a did;
 * - `talks`: for a call answered in the period by a (`talkKey`), its talk time and ending event;
 * - `samples`: per agent, every outcome and talk time it showed — the pool a draw picks from when
 *   the what-if makes the agent take an offer it never had. An offer shows the agent's behaviour
 *   when the agent ended it (answered, declined, or let it ring out); one ended by someone else
 *   (another agent of a ring-all answered, the caller hung up, a status change withdrew it) does not.
 * Offers still ringing and calls still talking when the period ends have no outcome: a run never
 * invents one for them (nothing happens before the period's end).
 */
export interface RecordedBehaviour {
  outcomes: Map<string, OfferOutcome>;
  talks: Map<string, Talk>;
  samples: Map<string, { outcomes: OfferOutcome[]; talkMs: number[] }>;
  /** Inputs the model drives (answers, declines, and the end of calls answered in the period), by seq. */
  modelled: Set<number>;
}

export const outcomeKey = (callId: string, agentId: string, n: number) => `${callId}|${agentId}|${n}`;
export const talkKey = (callId: string, agentId: string) => `${callId}|${agentId}`;

export function recordedBehaviour(period: readonly LoggedEvent[]): RecordedBehaviour {
  const outcomes = new Map<string, OfferOutcome>();
  const talks = new Map<string, Talk>();
  const samples = new Map<string, { outcomes: OfferOutcome[]; talkMs: number[] }>();
  const modelled = new Set<number>();
  const offerCount = new Map<string, number>();
  /** call → agent → the open offer (its key and when it was made). */
  const open = new Map<string, Map<string, { key: string; at: number }>>();
  /** call → who answered it in the period, and when. */
  const answered = new Map<string, { agentId: string; at: number }>();
  const sampleOf = (agentId: string) => {
    let s = samples.get(agentId);
    if (!s) {
      s = { outcomes: [], talkMs: [] };
      samples.set(agentId, s);
    }
    return s;
  };
  /** `shows` is false for an offer that ended for a reason outside the agent: no sample of it. */
  const settle = (agentId: string, key: string, outcome: OfferOutcome, shows: boolean) => {
    outcomes.set(key, outcome);
    if (shows) sampleOf(agentId).outcomes.push(outcome);
  };
  /** The call's other offers end unanswered: another agent answered, or the caller or the engine ended it. */
  const closeOffers = (callId: string, except: string | null) => {
    const offers = open.get(callId);
    if (!offers) return;
    for (const [agentId, offer] of offers)
      if (agentId !== except) settle(agentId, offer.key, NO_ANSWER, false);
    open.delete(callId);
  };

  for (const e of period) {
    switch (e.type) {
      case "call.offered": {
        const offers = new Map<string, { key: string; at: number }>();
        for (const agentId of e.agentIds) {
          const pair = talkKey(e.callId, agentId);
          const n = (offerCount.get(pair) ?? 0) + 1;
          offerCount.set(pair, n);
          offers.set(agentId, { key: outcomeKey(e.callId, agentId, n), at: e.at });
        }
        open.set(e.callId, offers);
        break;
      }
      case "call.answered":
      case "call.declined": {
        const offer = open.get(e.callId)?.get(e.agentId);
        // An answer to an offer made before the period is replayed as recorded; its call's end is
        // still the talk the model drives.
        if (e.type === "call.answered") answered.set(e.callId, { agentId: e.agentId, at: e.at });
        if (!offer) {
          if (e.type === "call.answered") closeOffers(e.callId, null);
          break;
        }
        modelled.add(e.seq);
        const delayMs = e.at - offer.at;
        if (e.type === "call.answered") {
          settle(e.agentId, offer.key, { kind: "answer", delayMs, seq: e.seq }, true);
          closeOffers(e.callId, e.agentId);
        } else {
          settle(e.agentId, offer.key, { kind: "decline", delayMs, seq: e.seq }, true);
          open.get(e.callId)?.delete(e.agentId);
        }
        break;
      }
      case "call.offer_ended": {
        const offers = open.get(e.callId);
        for (const agentId of e.agentIds) {
          const offer = offers?.get(agentId);
          if (!offer) continue;
          // Rang out: the agent let it ring. Withdrawn (AGENT_UNAVAILABLE): a recorded status change
          // did it, which the run replays — no sample.
          settle(agentId, offer.key, NO_ANSWER, e.reason === "TIMEOUT");
          offers!.delete(agentId);
        }
        break;
      }
      case "call.ended":
      case "call.abandoned": {
        closeOffers(e.callId, null);
        const answer = answered.get(e.callId);
        if (!answer) break; // a caller hanging up, or a call answered before the period
        answered.delete(e.callId);
        modelled.add(e.seq);
        const { seq: _seq, at: _at, ...end } = e;
        const ms = e.at - answer.at;
        talks.set(talkKey(e.callId, answer.agentId), { ms, end: end as InputEvent, seq: e.seq });
        sampleOf(answer.agentId).talkMs.push(ms);
        break;
      }
      case "call.finished":
        closeOffers(e.callId, null);
        break;
      default:
        break;
    }
  }
  // Still ringing or talking when the period ends: what came next is past the period, so a run
  // schedules nothing for them — and they are no sample of how the agent behaves.
  for (const offers of open.values()) for (const offer of offers.values()) outcomes.set(offer.key, NO_ANSWER);
  for (const [callId, answer] of answered)
    talks.set(talkKey(callId, answer.agentId), {
      ms: Number.POSITIVE_INFINITY,
      end: { type: "call.ended", callId },
      seq: 0,
    });
  return { outcomes, talks, samples, modelled };
}

export const NO_ANSWER: OfferOutcome = { kind: "no-answer" };
