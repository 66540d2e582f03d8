import { describe, expect, it } from "vitest";
import { candidatesOf, packFacts, verdictCounts } from "./candidate-table.ts";
import { agentRecord, allCases, decision, toAgent } from "./center.test-helpers.ts";
import { explain, reasonMask } from "./eligibility.ts";
import { MANUAL_STATUSES } from "./manual-status.ts";
import { onlineSignals } from "./presence.ts";

describe("candidate table: packed facts", () => {
  it("keep every agent's reasons, online signals and statuses, in all 1536 cases (and every manual status)", () => {
    let n = 0;
    const cases = [...allCases()].map(toAgent);
    const statuses = MANUAL_STATUSES.map((manualStatus) => agentRecord({ manualStatus }));
    for (const agent of [...cases, ...statuses]) {
      for (const backup of [false, true]) {
        const d = decision("c1", [], 0);
        d.table = {
          agentIds: [agent.id],
          facts: [packFacts(agent, reasonMask(agent), backup, false)],
          ranked: [],
          keys: [],
        };
        const reasons = explain(agent);
        expect(candidatesOf(d)).toEqual([
          {
            agentId: agent.id,
            tier: backup ? "backup" : "primary",
            verdict: reasons.length === 0 ? "BACKUP_HELD" : "NOT_ELIGIBLE",
            reasons,
            rank: null,
            key: null,
            missedThisCall: false,
            manualStatus: agent.manualStatus,
            systemStatus: agent.systemStatus,
            online: onlineSignals(agent),
          },
        ]);
        n++;
      }
    }
    expect(n).toBe((1536 + MANUAL_STATUSES.length) * 2);
  });

  it("lists the ranked pool first (the chosen leading), then held-back backups, then the ineligible, each in the queue's order", () => {
    const free = agentRecord();
    const busy = agentRecord({ systemStatus: 0 });
    const d = decision("c1", ["r2"], 0);
    const pack = (a: typeof free, backup: boolean, missed = false) =>
      packFacts(a, reasonMask(a), backup, missed);
    d.table = {
      agentIds: ["x1", "h1", "r1", "x2", "r2", "h2"],
      facts: [
        pack(busy, false),
        pack(free, true),
        pack(free, false, true),
        pack(busy, true),
        pack(free, false),
        pack(free, true),
      ],
      ranked: [4, 2],
      keys: [10, 20],
    };
    expect(candidatesOf(d).map((r) => [r.agentId, r.verdict, r.rank, r.key, r.missedThisCall])).toEqual([
      ["r2", "CHOSEN", 1, 10, false],
      ["r1", "RANKED_LOWER", 2, 20, true],
      ["h1", "BACKUP_HELD", null, null, false],
      ["h2", "BACKUP_HELD", null, null, false],
      ["x1", "NOT_ELIGIBLE", null, null, false],
      ["x2", "NOT_ELIGIBLE", null, null, false],
    ]);
    // The board's summary counts the same verdicts without expanding the table.
    expect(verdictCounts(d)).toEqual({ CHOSEN: 1, RANKED_LOWER: 1, BACKUP_HELD: 2, NOT_ELIGIBLE: 2 });
  });
});
