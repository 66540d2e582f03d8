import { type Call, CallStatus, type CenterState, DEFAULT_ANSWER_TIMEOUT_SEC, own } from "@callboard/routing";
import {
  ANSWER_PROBABILITY,
  answerDelayMs,
  callerNumber,
  meanInterarrivalMs,
  patienceMs,
  talkTimeMs,
} from "./behaviour.ts";
import { type Action, type Batch, type CallPlan, later, type SimContext } from "./context.ts";

/**
 * Reads the live calls and plans what their people do, once per thing: a new caller gets a patience,
 * each agent a new offer rings gets an answer-or-ring-out decision, a new conversation gets a talk
 * time. Calls that arrived from elsewhere (or before a restart) are treated the same as the
 * simulator's own; calls that left the state (ended, or finished by the engine) are forgotten.
 */
export function observeCalls(
  ctx: SimContext,
  state: CenterState,
  now: number,
  driven: ReadonlySet<string>,
): void {
  for (const call of Object.values(state.calls)) {
    // Not admitted yet: the engine decides first whether this caller gets a place at all.
    if (!call.admitted) continue;
    let plan = ctx.calls.get(call.id);
    if (!plan) {
      plan = {
        offer: 0,
        decided: new Set(),
        abandonScheduled: false,
        endScheduled: false,
      } satisfies CallPlan;
      ctx.calls.set(call.id, plan);
    }
    if (call.status !== CallStatus.TALKING && !plan.abandonScheduled) {
      plan.abandonScheduled = true;
      const at = Math.max(now, later(ctx, call.arrivedAt, patienceMs(ctx.rng)));
      ctx.schedule.push(at, { kind: "abandon", callId: call.id });
    }
    if (call.status === CallStatus.RINGING) planAnswers(ctx, state, call, plan, now, driven);
    // A person on the agent desk hangs up their own calls.
    if (call.status === CallStatus.TALKING && !plan.endScheduled && !driven.has(call.agentId ?? "")) {
      plan.endScheduled = true;
      const at = Math.max(now, later(ctx, call.answeredAt ?? now, talkTimeMs(ctx.rng)));
      ctx.schedule.push(at, { kind: "end", callId: call.id });
    }
  }
  for (const id of ctx.calls.keys()) {
    if (!own(state.calls, id)) ctx.calls.delete(id);
  }
}

/**
 * Decides, once per (call, agent, offer), whether a ringing agent picks up and when. Under ring-all
 * every agent draws for itself; the first answer wins and the engine stops the other phones.
 */
function planAnswers(
  ctx: SimContext,
  state: CenterState,
  call: Call,
  plan: CallPlan,
  now: number,
  driven: ReadonlySet<string>,
): void {
  const { offerExpiresAt } = call;
  if (offerExpiresAt === null) return;
  if (plan.offer !== call.offers) {
    plan.offer = call.offers;
    plan.decided = new Set();
  }
  const timeoutSec = own(state.queues, call.queueId)?.waitAgentAnswerTimeout ?? DEFAULT_ANSWER_TIMEOUT_SEC;
  const ringingSince = offerExpiresAt - timeoutSec * 1000;
  for (const agentId of call.ringing) {
    if (plan.decided.has(agentId) || driven.has(agentId)) continue;
    plan.decided.add(agentId);
    if (!ctx.rng.chance(ANSWER_PROBABILITY)) continue;
    const at = Math.max(now, later(ctx, ringingSince, answerDelayMs(ctx.rng)));
    // Picking up at or after the timeout is too late: the offer rings out.
    if (at >= offerExpiresAt) continue;
    ctx.schedule.push(at, { kind: "answer", callId: call.id, agentId, offer: call.offers, offerExpiresAt });
  }
}

/** Schedules the first call of the run. */
export function startArrivals(ctx: SimContext, now: number): void {
  const at = later(ctx, now, ctx.rng.exponential(meanInterarrivalMs(ctx.roster.agents.length)));
  ctx.schedule.push(at, { kind: "arrival", at });
}

type CallAction = Extract<Action, { kind: "arrival" | "answer" | "end" | "abandon" }>;

/**
 * Turns a due call action into an input event when the state still allows it; each check mirrors
 * the domain's checkEvent so the core never has to reject simulator traffic.
 */
export function runCallAction(ctx: SimContext, batch: Batch, action: CallAction): void {
  const { state, now } = batch;
  if (action.kind === "arrival") {
    arrive(ctx, batch, action.at);
    return;
  }
  const call = own(state.calls, action.callId);
  if (!call) return;
  if (batch.touchedCalls.has(call.id)) {
    batch.deferred.push(action);
    return;
  }
  switch (action.kind) {
    case "answer": {
      const sameOffer =
        call.status === CallStatus.RINGING &&
        call.offers === action.offer &&
        call.offerExpiresAt === action.offerExpiresAt &&
        call.ringing.includes(action.agentId);
      // An offer expiring at `now` times out as soon as the engine settles: too late to pick up.
      if (!sameOffer || action.offerExpiresAt <= now || batch.driven.has(action.agentId)) return;
      if (batch.changedAgents.has(action.agentId)) {
        batch.deferred.push(action);
        return;
      }
      batch.events.push({ type: "call.answered", callId: call.id, agentId: action.agentId });
      break;
    }
    case "end":
      if (call.status !== CallStatus.TALKING || batch.driven.has(call.agentId ?? "")) return;
      batch.events.push({ type: "call.ended", callId: call.id });
      break;
    case "abandon":
      if (call.status === CallStatus.TALKING) return;
      batch.events.push({ type: "call.abandoned", callId: call.id });
      break;
  }
  batch.touchedCalls.add(call.id);
}

/** Emits every arrival due by now (several can fall in one tick) and schedules the next one. */
function arrive(ctx: SimContext, batch: Batch, due: number): void {
  const { state, now } = batch;
  const { queues, queueWeights } = ctx.roster;
  let at = due;
  while (at <= now) {
    const queue = queues[ctx.rng.weighted(queueWeights)];
    const from = callerNumber(ctx.rng);
    if (queue && own(state.queues, queue.id)) {
      let callId = `call-${ctx.seedTag}-${++ctx.callNo}`;
      while (own(state.calls, callId)) callId = `call-${ctx.seedTag}-${++ctx.callNo}`;
      batch.events.push({ type: "call.arrived", callId, queueId: queue.id, from });
      batch.touchedCalls.add(callId);
    }
    at = later(ctx, at, ctx.rng.exponential(meanInterarrivalMs(ctx.roster.agents.length)));
  }
  ctx.schedule.push(at, { kind: "arrival", at });
}
