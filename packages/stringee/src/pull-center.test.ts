import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakePcc, startFakePcc } from "./fake/index.ts";
import { pullCenter } from "./pull-center.ts";
import { createPccClient } from "./rest-client.ts";

const KEY = { keySid: "SK_PULL", keySecret: "pull-secret" };
let pcc: FakePcc;

beforeEach(async () => {
  pcc = await startFakePcc({ ...KEY, projectId: 3 });
});
afterEach(async () => {
  await pcc.close();
});

describe("pullCenter", () => {
  it("reads agents, groups, members, queues and routings with bounded concurrency", async () => {
    const { store } = pcc;
    const agents = Array.from({ length: 5 }, (_, i) => store.addAgent({ stringeeUserId: `u${i}` }));
    const groups = Array.from({ length: 6 }, (_, i) => store.addGroup(`G${i}`));
    groups.forEach((g, i) => {
      store.addMember(g, agents[i % agents.length] as string);
    });
    const queues = Array.from({ length: 4 }, (_, i) => store.addQueue({ name: `Q${i}` }));
    queues.forEach((q, i) => {
      store.routeQueueToGroup(q, groups[i] as string, true);
      store.routeQueueToGroup(q, groups[i + 1] as string, false);
    });

    let inFlight = 0;
    let peak = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const client = createPccClient({ ...KEY, baseUrl: pcc.url, fetch: countingFetch });
    const pulled = await pullCenter(client, { concurrency: 2 });

    expect(pulled.agents.map((a) => a.stringee_user_id)).toEqual(["u0", "u1", "u2", "u3", "u4"]);
    expect(pulled.groups.map((g) => g.id)).toEqual(groups);
    expect(pulled.members[groups[5] as string]).toEqual([agents[0]]);
    expect(pulled.queues.map((q) => q.id)).toEqual(queues);
    expect(pulled.routings[queues[1] as string]).toEqual([
      { groupId: groups[1], primary: true },
      { groupId: groups[2], primary: false },
    ]);
    expect(pcc.requests).toHaveLength(3 + 6 + 4);
    expect(peak).toBe(2);
  });
});
