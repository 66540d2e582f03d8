import type { AgentDayState } from "@callboard/kpi";
import { type Call, type CenterState, type Decision, type LoggedEvent, own } from "@callboard/routing";
import {
  BOARD_DECISIONS,
  BoardRecords,
  CODECS,
  containerOf,
  perKind,
  type RecordOf,
} from "./board-records.ts";
import { type DecisionSummary, summarizeDecision } from "./board-state.ts";
import { RECORD_KINDS, type RecordKind } from "./board-wire.ts";

type Touched = Record<RecordKind, Set<string>>;

/**
 * The server's side of the light board: the board's records projected from the engine's state,
 * advanced once per fan-out batch by what the batch's events touched (never by scanning the center),
 * each changed record serialized once — for the delta every board of the room gets, for the digest,
 * and for the next snapshot.
 *
 * @example
 * const projector = new BoardProjector(centerId, core.state, kpis.folds().agentDays);
 * const bytes = projector.advance(core.state, events, Date.now()); // one JSON string per batch
 */
export class BoardProjector {
  private readonly records = new BoardRecords();
  /** Each record's wire JSON, so a snapshot is a concatenation, not a re-serialization. */
  private readonly json: Record<RecordKind, Map<string, string>> = perKind(() => new Map());

  /**
   * `agentDays`: the server's agent-day fold (kept current beside the engine, apps/server/src/kpis.ts),
   * read when a batch is projected: it must have folded the same events as `center`.
   */
  constructor(
    readonly centerId: string,
    center: CenterState,
    private readonly agentDays: AgentDayState,
  ) {
    for (const kind of RECORD_KINDS) {
      const source =
        kind === "agentsToday" ? agentDays.agents.entries() : Object.entries(containerOf(center, kind));
      for (const [id, record] of source) this.put(kind, id, record as RecordOf[typeof kind]);
    }
    this.records.addDecisions(center.decisions.slice(0, BOARD_DECISIONS).map(summarizeDecision), (d) =>
      JSON.stringify(d),
    );
    this.records.state.seq = center.seq;
    this.records.state.clock = center.clock;
  }

  get seq(): number {
    return this.records.state.seq;
  }

  get digest(): number {
    return this.records.digest;
  }

  /**
   * Moves the projection to `center`, which the engine reached by applying `events` (in order,
   * right after the projection's seq). Returns the delta's JSON, or null when there was no event.
   */
  advance(center: CenterState, events: readonly LoggedEvent[], serverTime: number): string | null {
    if (events.length === 0) return null;
    const fromSeq = this.records.state.seq + 1;
    const touched = this.touched(center, events);
    const changed: Record<RecordKind, string[]> = perKind(() => []);
    const removed: Partial<Record<RecordKind, string[]>> = {};
    for (const kind of RECORD_KINDS) {
      for (const id of touched[kind]) {
        const next = this.sourceRecord(center, kind, id);
        const before = own(containerOf(this.records.state, kind), id);
        if (next === before) continue;
        if (next === undefined) {
          this.records.remove(kind, id);
          this.json[kind].delete(id);
          removed[kind] = [...(removed[kind] ?? []), id];
        } else {
          changed[kind].push(this.put(kind, id, next));
        }
      }
    }
    const offered = events.flatMap((e) => (e.type === "call.offered" ? [e.decision] : []));
    const decisions = newestFirst(offered).map((d) => ({ summary: summarizeDecision(d), json: "" }));
    for (const d of decisions) d.json = JSON.stringify(d.summary);
    const jsonOf = new Map<DecisionSummary, string>(decisions.map((d) => [d.summary, d.json]));
    this.records.addDecisions(
      decisions.map((d) => d.summary),
      (d) => jsonOf.get(d)!,
    );
    this.records.state.seq = center.seq;
    this.records.state.clock = center.clock;

    let out = `{"centerId":${JSON.stringify(this.centerId)},"fromSeq":${fromSeq},"toSeq":${center.seq},"clock":${center.clock},"serverTime":${serverTime},"digest":${this.digest}`;
    for (const kind of RECORD_KINDS) {
      const list = changed[kind];
      if (list.length > 0) out += `,"${kind}":[${list.join(",")}]`;
    }
    if (Object.keys(removed).length > 0) out += `,"removed":${JSON.stringify(removed)}`;
    if (decisions.length > 0) out += `,"decisions":[${decisions.map((d) => d.json).join(",")}]`;
    return `${out}}`;
  }

  /** The board's whole state at the projection's seq, as GET /live/snapshot serves it (before compression). */
  snapshotJson(serverTime: number): string {
    const { state } = this.records;
    let out = `{"centerId":${JSON.stringify(this.centerId)},"seq":${state.seq},"clock":${state.clock},"serverTime":${serverTime},"timeZone":${JSON.stringify(this.agentDays.timeZone)},"digest":${this.digest}`;
    for (const kind of RECORD_KINDS) out += `,"${kind}":[${[...this.json[kind].values()].join(",")}]`;
    return `${out},"decisions":${JSON.stringify(state.decisions)}}`;
  }

  /** A record as it is now at the source: the engine's state, or the agent-day fold. */
  private sourceRecord(center: CenterState, kind: RecordKind, id: string): RecordOf[RecordKind] | undefined {
    return kind === "agentsToday" ? this.agentDays.agents.get(id) : own(containerOf(center, kind), id);
  }

  private put<K extends RecordKind>(kind: K, id: string, record: RecordOf[K]): string {
    const json = JSON.stringify(CODECS[kind].toWire(id, record));
    this.records.set(kind, id, record, json);
    this.json[kind].set(id, json);
    return json;
  }

  /**
   * Every record the events may have changed: what they name, and for a call event the agents and
   * queue of the call as the projection last saw it and as it is now (a call that ends releases
   * its ringing agents, puts its talking agent in wrap-up and counts an outcome for its queue).
   * A superset is harmless: an unchanged record is the same object and is skipped.
   */
  private touched(center: CenterState, events: readonly LoggedEvent[]): Touched {
    const touched: Touched = perKind(() => new Set<string>());
    const groupsWith = (agentId: string) => {
      for (const group of Object.values(this.records.state.groups)) {
        if (group.members.includes(agentId)) {
          touched.groups.add(group.id);
          touched.groupVersions.add(group.id);
        }
      }
    };
    for (const event of events) {
      switch (event.type) {
        case "agent.upserted":
          touched.agents.add(event.agent.id);
          touched.agentVersions.add(event.agent.id);
          break;
        case "agent.removed":
          // The engine takes a removed agent out of every group it was in, too.
          touched.agents.add(event.agentId);
          touched.agentVersions.add(event.agentId);
          groupsWith(event.agentId);
          break;
        case "agent.presence_changed":
        case "agent.push_token_changed":
        case "agent.manual_status_set":
        case "agent.system_status_reported":
        case "agent.wrap_up_ended":
          touched.agents.add(event.agentId);
          break;
        case "group.upserted":
          touched.groups.add(event.group.id);
          touched.groupVersions.add(event.group.id);
          break;
        case "group.removed":
          touched.groups.add(event.groupId);
          touched.groupVersions.add(event.groupId);
          break;
        case "group.members_changed":
          for (const change of event.changes) {
            touched.groups.add(change.groupId);
            touched.groupVersions.add(change.groupId);
          }
          break;
        case "queue.upserted":
        case "queue.removed": {
          const queueId = event.type === "queue.upserted" ? event.queue.id : event.queueId;
          touched.queues.add(queueId);
          touched.queueRuntime.add(queueId);
          touched.queueVersions.add(queueId);
          break;
        }
        case "call.arrived":
          touched.calls.add(event.callId);
          touched.queueRuntime.add(event.queueId);
          break;
        case "call.offered":
        case "call.offer_ended":
          touched.calls.add(event.callId);
          for (const id of event.agentIds) touched.agents.add(id);
          break;
        case "call.answered":
          touched.calls.add(event.callId);
          touched.agents.add(event.agentId);
          break;
        case "call.queued":
        case "call.finished":
        case "call.ended":
        case "call.abandoned":
          touched.calls.add(event.callId);
          break;
      }
    }
    const involve = (call: Call | undefined) => {
      if (!call) return;
      touched.queueRuntime.add(call.queueId);
      for (const id of call.ringing) touched.agents.add(id);
      if (call.agentId !== null) touched.agents.add(call.agentId);
    };
    for (const id of touched.calls) {
      involve(own(this.records.state.calls, id));
      involve(own(center.calls, id));
    }
    // An agent's figures today change only with a call event naming it (answered, missed, talked).
    for (const id of touched.agents) touched.agentsToday.add(id);
    return touched;
  }
}

function newestFirst(decisions: Decision[]): Decision[] {
  return decisions.reverse().slice(0, BOARD_DECISIONS);
}
