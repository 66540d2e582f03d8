import type { AgentDay } from "@callboard/kpi";
import type { Agent, Call, GroupConfig, QueueConfig } from "@callboard/routing";
import { type AgentRow, decodeAgent, encodeAgent } from "./agent-row.ts";
import { type BoardState, type DecisionSummary, decisionKey } from "./board-state.ts";
import { type QueueRuntime, RECORD_KINDS, type RecordKind, type WireRecords } from "./board-wire.ts";
import { recordHash } from "./digest.ts";

/** How many decisions a board keeps (the engine's RECENT_DECISIONS). */
export const BOARD_DECISIONS = 50;

export interface RecordOf {
  agents: Agent;
  groups: GroupConfig;
  queues: QueueConfig;
  queueRuntime: QueueRuntime;
  calls: Call;
  agentsToday: AgentDay;
  agentVersions: number;
  groupVersions: number;
  queueVersions: number;
}
export type WireOf<K extends RecordKind> = WireRecords[K][number];

/** Each kind's record ↔ wire value; the wire value carries the id. */
export const CODECS: {
  [K in RecordKind]: {
    toWire(id: string, record: RecordOf[K]): WireOf<K>;
    fromWire(wire: WireOf<K>): [id: string, record: RecordOf[K]];
  };
} = {
  agents: { toWire: (_id, a) => encodeAgent(a), fromWire: (row: AgentRow) => [row[0], decodeAgent(row)] },
  groups: { toWire: (_id, g) => g, fromWire: (g) => [g.id, g] },
  queues: { toWire: (_id, q) => q, fromWire: (q) => [q.id, q] },
  queueRuntime: { toWire: (id, r) => [id, r], fromWire: (pair) => pair },
  calls: { toWire: (_id, c) => c, fromWire: (c) => [c.id, c] },
  agentsToday: {
    toWire: (id, d) => [id, d.dayStart, d.answered, d.missed, d.talkMs],
    fromWire: ([id, dayStart, answered, missed, talkMs]) => [id, { dayStart, answered, missed, talkMs }],
  },
  agentVersions: { toWire: (id, v) => [id, v], fromWire: (pair) => pair },
  groupVersions: { toWire: (id, v) => [id, v], fromWire: (pair) => pair },
  queueVersions: { toWire: (id, v) => [id, v], fromWire: (pair) => pair },
};

/** Where each kind lives in a state: the versions are CenterState's nested `versions`. */
export function containerOf<K extends RecordKind>(
  state: Pick<BoardState, "agents" | "groups" | "queues" | "queueRuntime" | "calls" | "versions"> &
    Partial<Pick<BoardState, "agentsToday">>,
  kind: K,
): Record<string, RecordOf[K]> {
  switch (kind) {
    case "agentVersions":
      return state.versions.agents as Record<string, RecordOf[K]>;
    case "groupVersions":
      return state.versions.groups as Record<string, RecordOf[K]>;
    case "queueVersions":
      return state.versions.queues as Record<string, RecordOf[K]>;
    case "agentsToday":
      return (state.agentsToday ?? {}) as Record<string, RecordOf[K]>;
    default:
      return state[kind as "agents"] as unknown as Record<string, RecordOf[K]>;
  }
}

/** A map per record kind. */
export function perKind<T>(make: () => T): Record<RecordKind, T> {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, make()])) as Record<RecordKind, T>;
}

export const emptyBoardState = (): BoardState => ({
  seq: 0,
  clock: 0,
  agents: {},
  groups: {},
  queues: {},
  queueRuntime: {},
  calls: {},
  agentsToday: {},
  versions: { agents: {}, groups: {}, queues: {} },
  decisions: [],
});

/**
 * A board's records and their digest, changed one record at a time. The server's projection and
 * every board apply changes through this one class, so both sides keep the digest the same way:
 * replacing a record XORs its old hash out and its new one in. Containers are mutated in place and
 * records replaced, never mutated (as in CenterState), so a view can share unchanged ones.
 */
export class BoardRecords {
  readonly state: BoardState = emptyBoardState();
  private digestValue = 0;
  private readonly hashes: Record<RecordKind, Map<string, number>> = perKind(() => new Map());
  private decisionHashes: number[] = [];

  get digest(): number {
    return this.digestValue >>> 0;
  }

  /** Sets a record; `wireJson` is JSON.stringify of its wire value (the caller has it already). */
  set<K extends RecordKind>(kind: K, id: string, record: RecordOf[K], wireJson: string): void {
    const hashes = this.hashes[kind];
    const before = hashes.get(id);
    const hash = recordHash(kind, wireJson);
    this.digestValue ^= (before ?? 0) ^ hash;
    hashes.set(id, hash);
    containerOf(this.state, kind)[id] = record;
  }

  remove(kind: RecordKind, id: string): void {
    const hashes = this.hashes[kind];
    const before = hashes.get(id);
    if (before === undefined) return;
    this.digestValue ^= before;
    hashes.delete(id);
    delete containerOf(this.state, kind)[id];
  }

  /**
   * Puts new decisions (newest first) at the head of the feed, skipping any already there, and
   * drops the oldest past BOARD_DECISIONS. `jsonOf` gives each one's JSON (the wire's).
   */
  addDecisions(newestFirst: readonly DecisionSummary[], jsonOf: (d: DecisionSummary) => string): boolean {
    const known = new Set(this.state.decisions.map(decisionKey));
    const fresh = newestFirst.filter((d) => !known.has(decisionKey(d))).slice(0, BOARD_DECISIONS);
    if (fresh.length === 0) return false;
    const hashes = fresh.map((d) => recordHash("decisions", jsonOf(d)));
    for (const hash of hashes) this.digestValue ^= hash;
    this.state.decisions.unshift(...fresh);
    this.decisionHashes.unshift(...hashes);
    if (this.state.decisions.length > BOARD_DECISIONS) {
      for (const hash of this.decisionHashes.splice(BOARD_DECISIONS)) this.digestValue ^= hash;
      this.state.decisions.length = BOARD_DECISIONS;
    }
    return true;
  }
}
