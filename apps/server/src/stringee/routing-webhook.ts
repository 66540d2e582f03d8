import type { IncomingMessage, ServerResponse } from "node:http";
import type { EventLog } from "@callboard/db";
import {
  type CenterState,
  canRing,
  type Decision,
  type LoggedEvent,
  own,
  RoutingType,
} from "@callboard/routing";
import { parseRoutingRequest, type RoutingAnswerCall, routingAnswer } from "@callboard/stringee";
import type { Logger } from "pino";
import type { Core } from "../core.ts";
import { DomainRejectedError } from "../domain-error.ts";
import { answerErrors, HttpError, parseJson, readBody, sendJson } from "../http.ts";
import type { ConnectorState } from "./status.ts";

export interface RoutingWebhookDeps {
  core: Core;
  log: EventLog<LoggedEvent>;
  state: ConnectorState;
  logger: Logger;
  clock: () => number;
}

/**
 * PCC's get_list_agents_url (POST JSON or GET query). A call PCC asks about for the first time
 * arrives in the queue like any other, so the engine admits it and decides with the queue's
 * strategy; the answer lists, for each call, the agents the decision ranked — the ones ringing
 * first, then those still free to ring — with the queue's answer timeout. A call nobody can take
 * gets an empty list (PCC asks again later). Unknown queues get an empty answer and a warning.
 */
export function handleRoutingWebhook(req: IncomingMessage, res: ServerResponse, deps: RoutingWebhookDeps) {
  return answerErrors(res, async () => {
    const { core, state, logger, clock } = deps;
    if (req.method !== "POST" && req.method !== "GET") throw new HttpError(405, "use POST or GET");
    const query = Object.fromEntries(new URLSearchParams((req.url ?? "").split("?")[1] ?? ""));
    const body = req.method === "POST" ? parseJson(await readBody(req)) : undefined;
    const parsed = parseRoutingRequest({ method: req.method, query, body });
    if (!parsed.ok) throw new HttpError(400, parsed.error);
    const { queueId, calls } = parsed.request;
    state.status.routing.requests++;
    state.status.routing.lastAt = clock();
    state.status.routing.lastQueueId = queueId;

    const queue = own(core.state.queues, queueId);
    if (!queue) {
      state.status.routing.unknownQueues++;
      const message = `routing webhook: queue "${queueId}" is not synced from PCC; answered with no agents`;
      state.problem("routing", message, clock());
      logger.warn({ queueId }, message);
      sendJson(
        res,
        200,
        routingAnswer(
          calls.map((c) => ({ callId: c.callId, agents: [] })),
          15,
        ),
      );
      return;
    }
    for (const call of calls) {
      if (own(core.state.calls, call.callId)) continue;
      try {
        // Keyed, so PCC asking twice for a call that has since ended does not bring it back.
        await core.submit(
          { type: "call.arrived", callId: call.callId, queueId, from: call.from || "unknown" },
          `pcc-routing:${call.callId}`,
        );
      } catch (error) {
        if (!(error instanceof DomainRejectedError)) throw error;
        state.problem("routing", `call ${call.callId}: ${error.message}`, clock());
      }
    }
    const answer: RoutingAnswerCall[] = calls.map((c) => ({
      callId: c.callId,
      agents: rankedAgents(core.state, deps.log, c.callId).map((agentId) => {
        const agent = own(core.state.agents, agentId)!;
        return {
          stringeeUserId: agent.id,
          routingType: agent.routingType === RoutingType.PHONE ? 2 : 1,
          phoneNumber: agent.phoneNumber,
        };
      }),
    }));
    sendJson(res, 200, routingAnswer(answer, queue.waitAgentAnswerTimeout));
  });
}

/** The agents ringing for the call now, then the rest of its latest decision's ranking that can still ring. */
function rankedAgents(state: CenterState, log: EventLog<LoggedEvent>, callId: string): string[] {
  const call = own(state.calls, callId);
  if (call?.status !== "ringing") return [];
  const decision = latestDecision(state, log, callId);
  const ranked = decision ? decision.table.ranked.map((row) => decision.table.agentIds[row]!) : [];
  const rest = ranked.filter((id) => {
    const agent = own(state.agents, id);
    return !call.ringing.includes(id) && agent !== undefined && canRing(agent);
  });
  return [...call.ringing, ...rest];
}

function latestDecision(state: CenterState, log: EventLog<LoggedEvent>, callId: string): Decision | null {
  const recent = state.decisions.find((d) => d.callId === callId);
  if (recent) return recent;
  const offered = log.forCall(callId, { type: "call.offered" }).at(-1);
  return offered?.type === "call.offered" ? offered.decision : null;
}
