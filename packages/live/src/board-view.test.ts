import { type BoardChanges, BoardRecords, noBoardChanges, type RecordKind } from "@callboard/contracts";
import { describe, expect, it } from "vitest";
import { BoardView } from "./board-view.ts";

/** A deterministic stream of numbers in [0, 1) (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Each record set gets a new value, so a stale copy never equals the live one by accident. */
let stamp = 0;

const KINDS = ["agents", "calls", "agentsToday", "agentVersions"] as const satisfies readonly RecordKind[];

/** Sets or removes one record of `kind` in `records`, noting it in `changes` as BoardReplica does. */
function change(
  records: BoardRecords,
  changes: BoardChanges,
  kind: (typeof KINDS)[number],
  id: string,
  remove: boolean,
) {
  if (remove) records.remove(kind, id);
  else {
    const record = kind === "agentVersions" ? ++stamp : ({ id, n: ++stamp } as never);
    records.set(kind, id, record as never, JSON.stringify(record));
  }
  changes[kind].add(id);
}

describe("BoardView", () => {
  it("shows exactly the replica's records after every frame, new containers only where something changed", () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      const records = new BoardRecords();
      const setup = noBoardChanges();
      for (let i = 0; i < 40; i++) change(records, setup, "agents", `a${i}`, false);
      const view = new BoardView(records.state);
      let shown = view.state;
      for (let frame = 0; frame < 150; frame++) {
        const changes = noBoardChanges();
        // Some frames change nothing, some one kind, some several; ids are re-added after removal.
        const count = Math.floor(next() * 4);
        for (let i = 0; i < count; i++) {
          const kind = KINDS[Math.floor(next() * KINDS.length)]!;
          change(records, changes, kind, `a${Math.floor(next() * 50)}`, next() < 0.2);
        }
        records.state.seq = frame + 1;
        const before = shown;
        shown = view.advance(changes);
        const live = records.state;
        expect(shown.seq).toBe(frame + 1);
        expect(shown.agents).toEqual(live.agents);
        expect(shown.calls).toEqual(live.calls);
        expect(shown.agentsToday).toEqual(live.agentsToday);
        expect(shown.versions).toEqual(live.versions);
        expect(Object.fromEntries(view.agentsToday)).toEqual(live.agentsToday);
        expect(shown.agents === before.agents).toBe(changes.agents.size === 0);
        expect(shown.calls === before.calls).toBe(changes.calls.size === 0);
        expect(shown.versions === before.versions).toBe(changes.agentVersions.size === 0);
        expect(shown.queues).toBe(before.queues);
        expect(shown.decisions).toBe(before.decisions);
        // Records are the replica's own: an unchanged one keeps its identity from view to view.
        for (const [id, agent] of Object.entries(shown.agents)) expect(agent).toBe(live.agents[id]);
      }
    }
  });

  it("keeps the same state object for a frame that changed nothing, and a new one when only the seq moved", () => {
    const records = new BoardRecords();
    const view = new BoardView(records.state);
    const first = view.state;
    expect(view.advance(noBoardChanges())).toBe(first);
    records.state.seq = 7;
    const moved = view.advance(noBoardChanges());
    expect(moved).not.toBe(first);
    expect(moved.seq).toBe(7);
    expect(moved.agents).toBe(first.agents);
  });

  it("leaves the view on screen untouched until the change after next", () => {
    const records = new BoardRecords();
    const view = new BoardView(records.state);
    const frame = (id: string) => {
      const changes = noBoardChanges();
      change(records, changes, "agents", id, false);
      return view.advance(changes);
    };
    const one = frame("a1");
    const snapshotOfOne = { ...one.agents };
    const two = frame("a2");
    expect(one.agents).toEqual(snapshotOfOne);
    expect(two.agents).not.toBe(one.agents);
    expect(Object.keys(two.agents).sort()).toEqual(["a1", "a2"]);
  });
});
