import type { Agent, Call, GroupConfig, QueueConfig } from "@callboard/routing";
import { type AgentRow, decodeAgent, encodeAgent } from "./agent-row.ts";
import { type BoardState, type DecisionSummary, decisionKey } from "./board-state.ts";
import type { QueueRuntime, RecordKind, WireRecords } from "./board-wire.ts";
import { recordHash } from "./digest.ts";

/** How many decisions a board keeps (the engine's RECENT_DECISIONS). */
export const BOARD_DECISIONS = 50;

export interface RecordOf {
  agents: Agent;
  groups: GroupConfig;
  queues: QueueConfig;
  queueRuntime: QueueRuntime;
  calls: Call;
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
};

export const emptyBoardState = (): BoardState => ({
  seq: 0,
  clock: 0,
  agents: {},
  groups: {},
  queues: {},
  queueRuntime: {},
  calls: {},
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
  private readonly hashes: Record<RecordKind, Map<string, number>> = {
    agents: new Map(),
    groups: new Map(),
    queues: new Map(),
    queueRuntime: new Map(),
    calls: new Map(),
  };
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
    (this.state[kind] as Record<string, RecordOf[K]>)[id] = record;
  }

  remove(kind: RecordKind, id: string): void {
    const hashes = this.hashes[kind];
    const before = hashes.get(id);
    if (before === undefined) return;
    this.digestValue ^= before;
    hashes.delete(id);
    delete (this.state[kind] as Record<string, unknown>)[id];
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
