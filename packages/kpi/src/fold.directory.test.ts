import { describe, expect, it } from "vitest";
import { queueKpis } from "./fold.ts";
import { center, foldFromScratch, MIN, MONDAY_0900_HCM, SEC } from "./kpi.test-helpers.ts";

const T0 = MONDAY_0900_HCM;

/** Three agents staffing q, a call answered by one of them, then the directory changes under them. */
function busyCenter() {
  const c = center();
  for (const id of ["a1", "a2", "a3"]) c.agent(id, T0);
  c.team("q", ["a1", "a2", "a3"], T0);
  c.send({ type: "group.upserted", group: { id: "other", name: "other", members: [] } }, T0);
  c.arrive("c1", "q", T0 + 10 * SEC);
  c.answer("c1", T0 + 12 * SEC);
  c.end("c1", T0 + 2 * MIN);
  return c;
}

describe("directory changes in the KPI fold", () => {
  it("a bulk member change counts staffed time as the equivalent group upsert does", () => {
    const bulk = busyCenter();
    const upsert = busyCenter();
    const at = T0 + 5 * MIN;
    bulk.send(
      {
        type: "group.members_changed",
        changes: [
          { groupId: "q.team", add: [], remove: ["a2", "a3"] },
          { groupId: "other", add: ["a2"], remove: [] },
        ],
      },
      at,
    );
    upsert.send({ type: "group.upserted", group: { id: "q.team", name: "team", members: ["a1"] } }, at);
    upsert.send({ type: "group.upserted", group: { id: "other", name: "other", members: ["a2"] } }, at);
    for (const c of [bulk, upsert]) c.tick(T0 + 10 * MIN);
    const end = T0 + 10 * MIN;
    expect(queueKpis(bulk.kpi, "q", end)).toEqual(queueKpis(upsert.kpi, "q", end));
    // Only a1 staffed q in the last five minutes: the staffing figures moved.
    expect(queueKpis(bulk.kpi, "q", end)).not.toEqual(queueKpis(busyCenter().kpi, "q", end));
  });

  it("an agent removed stops counting for its queues, and a removed queue has no figures; replay agrees", () => {
    const c = busyCenter();
    c.send({ type: "agent.removed", agentId: "a3" }, T0 + 3 * MIN);
    c.tick(T0 + 6 * MIN);
    const live = queueKpis(c.kpi, "q", T0 + 6 * MIN);
    expect(queueKpis(foldFromScratch(c.log), "q", T0 + 6 * MIN)).toEqual(live);
    expect(c.kpi.agents.has("a3")).toBe(false);
    c.send({ type: "queue.upserted", queue: { ...c.state.queues.q!, id: "q2", name: "q2" } }, T0 + 7 * MIN);
    c.send({ type: "queue.removed", queueId: "q" }, T0 + 7 * MIN);
    expect(queueKpis(c.kpi, "q", T0 + 7 * MIN)).toBeNull();
    expect(queueKpis(foldFromScratch(c.log), "q2", T0 + 8 * MIN)).toEqual(
      queueKpis(c.kpi, "q2", T0 + 8 * MIN),
    );
  });
});
