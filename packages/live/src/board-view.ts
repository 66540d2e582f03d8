import {
  type BoardChanges,
  type BoardState,
  containerOf,
  RECORD_KINDS,
  type RecordKind,
} from "@callboard/contracts";
import type { AgentDay } from "@callboard/kpi";

/**
 * Two copies of one container that take turns being shown. The shown one is never written; the
 * spare is brought up to date — the ids changed while it was shown, then this frame's — and becomes
 * the shown one. A frame costs O(ids changed in the last two frames), not O(records), and the
 * container on screen is a different object exactly when something in it changed.
 *
 * The price: the container a view showed is written again two changes later, so it is valid until
 * the view after next. React's useSyncExternalStore renders each view before the next frame is
 * applied (a store update is rendered synchronously), and rows compare records, which are replaced,
 * never mutated; anything that keeps a container across frames must copy it.
 */
class Twins<C> {
  private shown: C;
  private spare: C;
  /** What the spare missed while it was shown: the ids changed by the frame that hid it. */
  private spareMissed: ReadonlySet<string> = new Set();

  constructor(
    copy: () => C,
    /** Makes `target[id]` what the replica holds now (set, or removed). */
    private readonly sync: (target: C, id: string) => void,
  ) {
    this.shown = copy();
    this.spare = copy();
  }

  get current(): C {
    return this.shown;
  }

  /** The container for a frame that changed `changed` (a set the caller no longer writes). */
  next(changed: ReadonlySet<string>): C {
    if (changed.size === 0) return this.shown;
    for (const id of this.spareMissed) this.sync(this.spare, id);
    for (const id of changed) this.sync(this.spare, id);
    [this.shown, this.spare] = [this.spare, this.shown];
    this.spareMissed = changed;
    return this.shown;
  }
}

type Container = Record<string, unknown>;

/**
 * The board's view of a replica's state (LiveView.state and LiveView.agentsToday's map): loaded
 * once per snapshot (O(records)), then moved frame by frame by what the applied deltas changed
 * (BoardReplica.apply's BoardChanges), in O(changed). Every container and the decisions are a new
 * object exactly when something in them changed; records are the replica's (replaced on change,
 * never mutated), so an unchanged record keeps its identity from view to view.
 */
export class BoardView {
  private readonly containers: Record<RecordKind, Twins<Container>>;
  private readonly agentsTodayMap: Twins<Map<string, AgentDay>>;
  private shownState: BoardState;

  constructor(private readonly live: BoardState) {
    this.containers = Object.fromEntries(
      RECORD_KINDS.map((kind) => {
        const source = containerOf(live, kind) as Container;
        return [kind, new Twins<Container>(() => ({ ...source }), syncRecord(source))];
      }),
    ) as Record<RecordKind, Twins<Container>>;
    const days = live.agentsToday;
    this.agentsTodayMap = new Twins(
      () => new Map(Object.entries(days)),
      (target, id) => {
        const day = Object.hasOwn(days, id) ? days[id] : undefined;
        if (day) target.set(id, day);
        else target.delete(id);
      },
    );
    this.shownState = this.build(null, { decisions: true });
  }

  get state(): BoardState {
    return this.shownState;
  }

  /** Each agent's figures today, as a map (LiveView.agentsToday.agents). */
  get agentsToday(): ReadonlyMap<string, AgentDay> {
    return this.agentsTodayMap.current;
  }

  /** The view after a frame whose deltas changed `changes`; the same object when they changed nothing. */
  advance(changes: BoardChanges): BoardState {
    const previous = this.shownState;
    for (const kind of RECORD_KINDS) this.containers[kind].next(changes[kind]);
    this.agentsTodayMap.next(changes.agentsToday);
    const next = this.build(previous, changes);
    const same =
      next.seq === previous.seq &&
      next.clock === previous.clock &&
      (Object.keys(next) as (keyof BoardState)[]).every((key) => next[key] === previous[key]);
    if (!same) this.shownState = next;
    return this.shownState;
  }

  private build(previous: BoardState | null, changes: { decisions: boolean }): BoardState {
    const shown = <K extends RecordKind>(kind: K) => this.containers[kind].current as never;
    const versions = {
      agents: shown("agentVersions"),
      groups: shown("groupVersions"),
      queues: shown("queueVersions"),
    };
    const sameVersions =
      previous !== null &&
      previous.versions.agents === versions.agents &&
      previous.versions.groups === versions.groups &&
      previous.versions.queues === versions.queues;
    return {
      seq: this.live.seq,
      clock: this.live.clock,
      agents: shown("agents"),
      groups: shown("groups"),
      queues: shown("queues"),
      queueRuntime: shown("queueRuntime"),
      calls: shown("calls"),
      agentsToday: shown("agentsToday"),
      versions: sameVersions ? previous.versions : versions,
      decisions: previous && !changes.decisions ? previous.decisions : [...this.live.decisions],
    };
  }
}

const syncRecord = (source: Container) => (target: Container, id: string) => {
  if (Object.hasOwn(source, id)) target[id] = source[id];
  else delete target[id];
};
