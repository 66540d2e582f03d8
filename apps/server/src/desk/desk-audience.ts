import {
  type AgentDeskView,
  agentDeskView,
  agentSubscribeSchema,
  describeZodError,
  LIVE_PROTOCOL_VERSION,
  Room,
  SOCKET_REFUSAL,
  type StatusNote,
} from "@callboard/contracts";
import { eventSubjects, type LoggedEvent, own } from "@callboard/routing";
import type { Auth } from "../auth/auth.ts";
import { FAN_OUT_INTERVAL_MS } from "../board-feed.ts";
import type { Core } from "../core.ts";
import type { CallboardServer } from "../gateway.ts";
import type { LiveKpis } from "../kpis.ts";

/** Agents' desks get their view at least this often (their countdowns and today's figures move). */
export const DESK_BEAT_MS = 1_000;

export interface DeskAudienceOptions {
  io: CallboardServer;
  core: Core;
  auth: Auth;
  clock: () => number;
  /** Agents' days (calls, talk, time per status), folded beside the queue KPIs. */
  days: Pick<LiveKpis, "agentDay">;
  telephony: AgentDeskView["telephony"];
  /** Stringee mode: an agent's SIP registration; null in standalone mode. */
  sipOf: (agentId: string) => AgentDeskView["sip"];
}

/**
 * The agent audience on the live stream: a signed-in person with the agent role, linked to an
 * agent, joins `agent:<id>` and receives that agent's desk view only — its own record, offer and
 * call (agentDeskView), never the board's events. Sent on subscribe, after each batch that
 * concerns the agent, and once a second.
 */
export function attachDeskAudience(options: DeskAudienceOptions): { close(): void } {
  const { io, core, auth, clock, days } = options;
  /** Who last set each agent's status (audit trail, or the miss rule), for "changed by … why". */
  const notes = new Map<string, StatusNote>();
  /** The calls each desk was last shown, so a call's end (which names no agent) reaches its desk. */
  const shownCalls = new Map<string, Set<string>>();

  const rooms = () => {
    const agents: string[] = [];
    for (const room of io.sockets.adapter.rooms.keys())
      if (room.startsWith("agent:")) agents.push(room.slice("agent:".length));
    return agents;
  };

  /** The newest audited change of the agent's status, when it is the status the agent has now. */
  const auditedNote = (agentId: string, seq?: number): StatusNote | null => {
    const agent = own(core.state.agents, agentId);
    if (!agent) return null;
    // The audit filter matches targets by substring ("lan" finds "lana"): keep this agent's own.
    const entry = auth
      .queryAudit({ action: "agent.manual_status_set", target: agentId, limit: 10 })
      .find((e) => e.target === agentId && (seq === undefined || e.seq === seq));
    const after = entry?.after as { manualStatus?: string } | undefined;
    if (!entry || after?.manualStatus !== agent.manualStatus) return null;
    return { status: agent.manualStatus, at: entry.at, by: entry.actor ?? "system", why: null };
  };

  const viewOf = (agentId: string, now: number) => {
    const view = agentDeskView(core.state, agentId, now, {
      today: days.agentDay(agentId, now),
      statusNote: notes.get(agentId) ?? null,
      telephony: options.telephony,
      sip: options.sipOf(agentId),
    });
    if (view) {
      shownCalls.set(
        agentId,
        new Set([view.offer?.callId, view.call?.callId].filter((id): id is string => id !== undefined)),
      );
    }
    return view;
  };

  const send = (agentIds: Iterable<string>) => {
    const now = clock();
    for (const agentId of agentIds) {
      const view = viewOf(agentId, now);
      if (view) io.to(Room.agent(agentId)).emit("agent:update", view);
    }
  };

  io.on("connection", (socket) => {
    socket.on("agent:subscribe", (input, ack) => {
      if (typeof ack !== "function") return;
      const { principal } = socket.data;
      if (principal.kind !== "user" || principal.role !== "agent" || principal.agentId === null) {
        ack({
          ok: false,
          error: `${SOCKET_REFUSAL.FORBIDDEN}: the agent desk needs a signed-in agent linked to an agent`,
        });
        return;
      }
      const parsed = agentSubscribeSchema.safeParse(input);
      if (!parsed.success) {
        ack({ ok: false, error: describeZodError(parsed.error) });
        return;
      }
      if (parsed.data.protocol !== LIVE_PROTOCOL_VERSION) {
        ack({ ok: false, incompatible: true, error: "This page was built for another version; reload it." });
        return;
      }
      const { agentId } = principal;
      if (!notes.has(agentId)) {
        const note = auditedNote(agentId);
        if (note) notes.set(agentId, note);
      }
      const view = viewOf(agentId, clock());
      if (!view) {
        ack({ ok: false, error: `your agent "${agentId}" is not in the center` });
        return;
      }
      socket.join(Room.agent(agentId));
      ack({ ok: true, data: view });
    });
  });

  // After each committed batch (coalesced like the board's fan-out): the desks it concerns.
  let pending: LoggedEvent[] = [];
  let flushTimer: NodeJS.Timeout | null = null;
  const flush = () => {
    flushTimer = null;
    const events = pending;
    pending = [];
    const atDesk = new Set(rooms());
    if (atDesk.size === 0) return;
    const touched = new Set<string>();
    for (const event of events) {
      const { agentIds, callId } = eventSubjects(event);
      for (const id of agentIds) if (atDesk.has(id)) touched.add(id);
      if (callId !== null) for (const id of atDesk) if (shownCalls.get(id)?.has(callId)) touched.add(id);
      noteStatus(event, atDesk);
    }
    send(touched);
  };
  const noteStatus = (event: LoggedEvent, atDesk: Set<string>) => {
    if (event.type === "agent.manual_status_set" && atDesk.has(event.agentId)) {
      const note = auditedNote(event.agentId, event.seq) ?? {
        status: event.status,
        at: event.at,
        by: "an outside source",
        why: "PCC, the simulator or an operator's feed",
      };
      notes.set(event.agentId, note);
    } else if (event.type === "call.offer_ended") {
      for (const id of event.autoNotAvailable)
        notes.set(id, {
          status: "NOT_AVAILABLE",
          at: event.at,
          by: "Callboard",
          why: "too many missed calls in a row (the queue's rule)",
        });
    }
  };
  const unsubscribe = core.onAppended((events) => {
    pending.push(...events);
    flushTimer ??= setTimeout(flush, FAN_OUT_INTERVAL_MS);
  });
  const beat = setInterval(() => send(rooms()), DESK_BEAT_MS);

  return {
    close() {
      unsubscribe();
      clearInterval(beat);
      if (flushTimer) clearTimeout(flushTimer);
    },
  };
}
