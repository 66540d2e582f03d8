/**
 * The light board's promise, checked over random runs of a simulated center: the server's projection
 * (advanced only by what each batch's events touched) always equals a projection built from scratch,
 * and a board that applies the deltas holds exactly that state and the same digest — whatever the
 * batch boundaries, with the simulator's traffic plus random status, group and queue edits and the
 * directory's removals and membership changes — and the agents' figures today follow the server's fold.
 */
import {
  BoardProjector,
  BoardReplica,
  type BoardSnapshotWire,
  type BoardState,
  noBoardChanges,
} from "@callboard/contracts";
import { type AgentDayState, emptyAgentDayState, foldAgentDay } from "@callboard/kpi";
import { BoardView } from "@callboard/live";
import {
  type CenterState,
  emptyState,
  type InputEvent,
  type LoggedEvent,
  MANUAL_STATUSES,
  own,
  STRATEGIES,
  step,
} from "@callboard/routing";
import { createSimulator } from "@callboard/simulator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const T0 = Date.UTC(2025, 0, 6, 1, 0, 0);
const CENTER = "center-under-test";

/** The board state a fresh projection of `state` gives, read back as a board would read it. */
function fromScratch(state: CenterState, days: AgentDayState): { board: BoardState; digest: number } {
  const projector = new BoardProjector(CENTER, state, days);
  const replica = new BoardReplica(JSON.parse(projector.snapshotJson(0)) as BoardSnapshotWire);
  return { board: replica.state, digest: projector.digest };
}

/** A random edit a person or PCC could make, for the events the simulator rarely sends. */
function randomEdit(state: CenterState, pick: (n: number) => number): InputEvent | null {
  const agentIds = Object.keys(state.agents);
  const queues = Object.values(state.queues);
  const groups = Object.values(state.groups);
  switch (pick(8)) {
    case 0: {
      const agentId = agentIds[pick(agentIds.length)];
      const status = MANUAL_STATUSES[pick(MANUAL_STATUSES.length)]!;
      return agentId ? { type: "agent.manual_status_set", agentId, status } : null;
    }
    case 1: {
      const group = groups[pick(groups.length)];
      if (!group || agentIds.length === 0) return null;
      const members = group.members.filter(() => pick(5) > 0);
      members.push(agentIds[pick(agentIds.length)]!);
      return { type: "group.upserted", group: { ...group, members: [...new Set(members)] } };
    }
    case 2: {
      const queue = queues[pick(queues.length)];
      const strategy = STRATEGIES[pick(STRATEGIES.length)]!;
      return queue ? { type: "queue.upserted", queue: { ...queue, strategy } } : null;
    }
    case 3: {
      // Refused while the agent has a call; then nothing is logged.
      const agentId = agentIds[pick(agentIds.length)];
      return agentId ? { type: "agent.removed", agentId } : null;
    }
    case 4: {
      // Refused while a queue routes to the group.
      const group = groups[pick(groups.length)];
      return group ? { type: "group.removed", groupId: group.id } : null;
    }
    case 5: {
      // Refused while it holds calls.
      const queue = queues[pick(queues.length)];
      return queue ? { type: "queue.removed", queueId: queue.id } : null;
    }
    case 6: {
      const [from, to] = [groups[pick(groups.length)], groups[pick(groups.length)]];
      const agentId = from?.members[pick(from.members.length)];
      if (!from || !to || agentId === undefined) return null;
      return {
        type: "group.members_changed",
        changes: [
          { groupId: from.id, add: [], remove: [agentId] },
          { groupId: to.id, add: [agentId], remove: [] },
        ],
      };
    }
    default: {
      const agentId = agentIds[pick(agentIds.length)];
      const agent = agentId ? own(state.agents, agentId) : undefined;
      return agent
        ? { type: "agent.presence_changed", agentId: agent.id, signal: "sip", online: !agent.presence.sip }
        : null;
    }
  }
}

describe("board deltas and digest", () => {
  it("server projection, board replica and a projection from scratch agree after every batch", () => {
    let removals = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 8 }),
        (seed, meanTicksPerBatch) => {
          let rng = seed;
          const pick = (n: number) => {
            rng = (Math.imul(rng ^ (rng >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
            return n <= 0 ? 0 : rng % n;
          };
          const sim = createSimulator({ seed, agents: 60, queues: 3, speed: 30 });
          const state = emptyState();
          const days = emptyAgentDayState();
          let now = T0;
          const pending: LoggedEvent[] = [];
          const submit = (event: InputEvent | null) => {
            const { applied } = step(state, event, now);
            // As the server's LiveKpis: the fold sees the whole log, so it never reads the state.
            for (const e of applied) foldAgentDay(days, e, state);
            pending.push(...applied);
          };
          for (const event of sim.setup(now)) submit(event);

          const projector = new BoardProjector(CENTER, emptyState(), days);
          projector.advance(state, pending.splice(0), now);
          const board = new BoardReplica(JSON.parse(projector.snapshotJson(now)) as BoardSnapshotWire);
          expect(board.digest).toBe(projector.digest);
          // The browser's view of the replica, moved frame by frame by what the deltas changed; a
          // frame takes one to three batches, as a busy tab's animation frame does.
          const view = new BoardView(board.state);
          let changes = noBoardChanges();

          for (let tick = 0; tick < 400; tick++) {
            now += 250;
            submit(null);
            for (const event of sim.tick(state, now)) submit(event);
            if (pick(6) === 0) submit(randomEdit(state, pick));
            if (pick(meanTicksPerBatch) !== 0) continue;
            const json = projector.advance(state, pending.splice(0), now);
            if (json === null) continue;
            const delta = JSON.parse(json);
            if (delta.removed) removals++;
            const applied = board.apply(delta, changes);
            expect(applied.agrees).toBe(true);
            expect(board.seq).toBe(state.seq);
            if (pick(3) === 0) {
              view.advance(changes);
              changes = noBoardChanges();
            }
            if (tick % 50 === 0) {
              const truth = fromScratch(state, days);
              expect(projector.digest).toBe(truth.digest);
              expect(board.state).toEqual(truth.board);
              expect(view.advance(changes)).toEqual(truth.board);
              changes = noBoardChanges();
            }
          }
          const last = projector.advance(state, pending.splice(0), now);
          if (last !== null) expect(board.apply(JSON.parse(last), changes).agrees).toBe(true);
          const truth = fromScratch(state, days);
          expect(board.state).toEqual(truth.board);
          expect(view.advance(changes)).toEqual(truth.board);
          expect(Object.fromEntries(view.agentsToday)).toEqual(truth.board.agentsToday);
          expect(board.digest).toBe(truth.digest);
          // The run did reach the figures and the directory's removals it is meant to check.
          expect(Object.keys(board.state.agentsToday).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 5 },
    );
    // Some batch removed a record (an agent, group or queue, or a call that finished).
    expect(removals).toBeGreaterThan(0);
  }, 120_000);

  it("a board that missed a batch disagrees with the next one's digest", () => {
    const sim = createSimulator({ seed: 7, agents: 40, queues: 2, speed: 30 });
    const state = emptyState();
    let now = T0;
    const events: LoggedEvent[] = [];
    for (const event of sim.setup(now)) events.push(...step(state, event, now).applied);
    const projector = new BoardProjector(CENTER, emptyState(), emptyAgentDayState());
    projector.advance(state, events.splice(0), now);
    const board = new BoardReplica(JSON.parse(projector.snapshotJson(now)) as BoardSnapshotWire);
    const batches: string[] = [];
    while (batches.length < 3) {
      now += 1_000;
      events.push(...step(state, null, now).applied);
      for (const event of sim.tick(state, now)) events.push(...step(state, event, now).applied);
      const json = projector.advance(state, events.splice(0), now);
      if (json?.includes('"agents"')) batches.push(json);
    }
    expect(board.apply(JSON.parse(batches[0]!)).agrees).toBe(true);
    expect(board.apply(JSON.parse(batches[2]!)).agrees).toBe(false);
  });
});
