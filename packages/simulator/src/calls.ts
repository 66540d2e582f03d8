import { CallStatus, type CenterState, DEFAULT_ANSWER_TIMEOUT_SEC } from "@callboard/routing";
import {
  ANSWER_PROBABILITY,
  answerDelayMs,
  callerNumber,
  MEAN_INTERARRIVAL_MS,
  patienceMs,
  talkTimeMs,
} from "./behaviour.ts";
import { type Action, type Batch, type CallPlan, later, type SimContext } from "./context.ts";

/**
 * Reads the live calls and plans what their people do, once per thing: a new caller gets a patience,
 * a new offer gets an answer-or-ring-out decision, a new conversation gets a talk time. Calls that
 * arrived from elsewhere (or before a restart) are treated the same as the simulator's own.
 */
export function observeCalls(ctx: SimContext, state: CenterState, now: number): void {
  for (const call of Object.values(state.calls)) {
    let plan = ctx.calls.get(call.id);
    if (!plan) {
      plan = { offerKey: null, abandonScheduled: false, endScheduled: false } satisfies CallPlan;
      ctx.calls.set(call.id, plan);
    }
    if (call.status !== CallStatus.TALKING && !plan.abandonScheduled) {
      plan.abandonScheduled = true;
      const at = Math.max(now, later(ctx, call.arrivedAt, patienceMs(ctx.rng)));
      ctx.schedule.push(at, { kind: "abandon", callId: call.id });
    }
    if (call.status === CallStatus.RINGING && call.agentId !== null && call.offerExpiresAt !== null) {
      const key = `${call.agentId}@${call.offerExpiresAt}`;
      if (plan.offerKey !== key) {
        plan.offerKey = key;
        if (ctx.rng.chance(ANSWER_PROBABILITY)) {
          const timeoutSec = state.queues[call.queueId]?.answerTimeoutSec ?? DEFAULT_ANSWER_TIMEOUT_SEC;
          const ringingSince = call.offerExpiresAt - timeoutSec * 1000;
          const at = Math.max(now, later(ctx, ringingSince, answerDelayMs(ctx.rng)));
          const { agentId, offerExpiresAt } = call;
          ctx.schedule.push(at, { kind: "answer", callId: call.id, agentId, offerExpiresAt });
        }
      }
    }
    if (call.status === CallStatus.TALKING && !plan.endScheduled) {
      plan.endScheduled = true;
      const at = Math.max(now, later(ctx, call.answeredAt ?? now, talkTimeMs(ctx.rng)));
      ctx.schedule.push(at, { kind: "end", callId: call.id });
    }
  }
  for (const id of ctx.calls.keys()) {
    if (!state.calls[id]) ctx.calls.delete(id);
  }
}

/** Schedules the first call of the run. */
export function startArrivals(ctx: SimContext, now: number): void {
  const at = later(ctx, now, ctx.rng.exponential(MEAN_INTERARRIVAL_MS));
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
  const call = state.calls[action.callId];
  if (!call) return;
  if (batch.touchedCalls.has(call.id)) {
    batch.deferred.push(action);
    return;
  }
  switch (action.kind) {
    case "answer": {
      const sameOffer =
        call.status === CallStatus.RINGING &&
        call.agentId === action.agentId &&
        call.offerExpiresAt === action.offerExpiresAt;
      // An offer expiring at `now` times out as soon as the engine settles: too late to pick up.
      if (!sameOffer || action.offerExpiresAt <= now) return;
      if (batch.changedAgents.has(action.agentId)) {
        batch.deferred.push(action);
        return;
      }
      batch.events.push({ type: "call.answered", callId: call.id, agentId: action.agentId });
      break;
    }
    case "end":
      if (call.status !== CallStatus.TALKING) return;
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
    if (queue && state.queues[queue.id]) {
      let callId = `call-${ctx.seedTag}-${++ctx.callNo}`;
      while (state.calls[callId]) callId = `call-${ctx.seedTag}-${++ctx.callNo}`;
      batch.events.push({ type: "call.arrived", callId, queueId: queue.id, from });
      batch.touchedCalls.add(callId);
    }
    at = later(ctx, at, ctx.rng.exponential(MEAN_INTERARRIVAL_MS));
  }
  ctx.schedule.push(at, { kind: "arrival", at });
}
