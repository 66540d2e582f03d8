import type { IncomingMessage, ServerResponse } from "node:http";
import { DomainRejectedError } from "@callboard/contracts";
import type { EventLog } from "@callboard/db";
import {
  CallStatus,
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
import { answerErrors, HttpError, readBody, sendJson } from "../http.ts";
import type { ConnectorPanel } from "./status.ts";

export interface RoutingWebhookDeps {
  core: Core;
  /** Rate limit for repeated warnings (unknown queue, moved call). */
  warnings: WarnOnce;
  /** See STRINGEE_ROUTING_LIST. */
  list: "ranking" | "offered";
  log: EventLog<LoggedEvent>;
  state: ConnectorPanel;
  logger: Logger;
  clock: () => number;
}

/**
 * PCC's get_list_agents_url (POST JSON or GET query). A call PCC asks about for the first time
 * arrives in the queue like any other, so the engine admits it and decides with the queue's
 * strategy; the answer lists, for each call, the agents Callboard rings for it and (list "ranking")
 * then the rest of the decision's ranking still free to ring, with the queue's answer timeout. A call nobody can take
 * gets an empty list (PCC asks again later). Unknown queues get an empty answer and a warning.
 * STRINGEE_ROUTING_KEY (`?key=`) is checked before this runs, by the route table's guard.
 */
export function handleRoutingWebhook(req: IncomingMessage, res: ServerResponse, deps: RoutingWebhookDeps) {
  return answerErrors(res, async () => {
    const { core, state, logger, clock, warnings } = deps;
    if (req.method !== "POST" && req.method !== "GET") throw new HttpError(405, "use POST or GET");
    const url = new URL(req.url ?? "/", "http://callboard.invalid");
    const query = Object.fromEntries(url.searchParams);
    delete query.key;
    // An empty POST body falls back to the query form, as for GET.
    const body = req.method === "POST" ? await readBody(req) : undefined;
    const parsed = parseRoutingRequest({ method: req.method, query, body });
    if (!parsed.ok) throw new HttpError(400, parsed.error);
    const { queueId, calls } = parsed.request;
    state.status.routing.requests++;
    state.status.routing.lastAt = clock();
    state.status.routing.lastQueueId = queueId;

    const queue = own(core.state.queues, queueId);
    if (!queue) {
      state.status.routing.unknownQueues++;
      // Once a minute per queue: PCC may ask many times a second.
      if (warnings.due(`unknown:${queueId}`, clock())) {
        const message = `routing webhook: queue "${queueId}" is not synced from PCC; answered with no agents`;
        state.problem("routing", message, clock());
        logger.warn({ queueId }, message);
      }
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
    const arrivals: Promise<void>[] = [];
    for (const call of calls) {
      const known = own(core.state.calls, call.callId);
      if (known && known.queueId !== queueId && warnings.due(`moved:${call.callId}`, clock())) {
        // PCC moved the call (overflow, transfer): Callboard keeps routing it in the queue it entered.
        const message = `routing webhook: call ${call.callId} asked for in queue "${queueId}" but routed in "${known.queueId}"`;
        state.problem("routing", message, clock());
        logger.warn({ callId: call.callId, queueId, routedIn: known.queueId }, message);
      }
      if (known) continue;
      // Submitted together, in the request's order: the core folds them into one commit. Keyed, so
      // PCC asking again for a call that has since ended does not bring it back.
      const arrival = core
        .submit(
          { type: "call.arrived", callId: call.callId, queueId, from: call.from || "unknown" },
          `pcc-routing:${call.callId}`,
        )
        .then(
          () => {},
          (error: unknown) => {
            if (!(error instanceof DomainRejectedError)) throw error;
            state.problem("routing", `call ${call.callId}: ${error.message}`, clock());
          },
        );
      arrivals.push(arrival);
    }
    await Promise.all(arrivals);
    const answer: RoutingAnswerCall[] = calls.map((c) => ({
      callId: c.callId,
      agents: listedAgents(core.state, deps.log, c.callId, deps.list).map((agentId) => {
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

/** Remembers when each warning was last given, so a flood of identical requests logs one line a minute. */
export class WarnOnce {
  private readonly last = new Map<string, number>();

  due(key: string, now: number): boolean {
    const last = this.last.get(key);
    if (last !== undefined && now - last < 60_000) return false;
    if (this.last.size > 10_000) this.last.clear();
    this.last.set(key, now);
    return true;
  }
}

/** The agents ringing for the call now, then (list "ranking") the rest of its latest decision's ranking that can still ring. */
function listedAgents(
  state: CenterState,
  log: EventLog<LoggedEvent>,
  callId: string,
  list: RoutingWebhookDeps["list"],
): string[] {
  const call = own(state.calls, callId);
  if (call?.status !== CallStatus.RINGING) return [];
  if (list === "offered") return call.ringing;
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
  return log.forCall(callId, { type: "call.offered" }).at(-1)?.decision ?? null;
}
