import { isValidPhoneNumber, RoutingType, STRATEGIES } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { createRng } from "./prng.ts";
import { buildRoster, type Roster } from "./roster.ts";

/** The members of a queue's primary groups. */
const primaryOf = (r: Roster, queueId: string): string[] => {
  const queue = r.queues.find((q) => q.id === queueId)!;
  const ids = queue.groups.filter((g) => g.primary).map((g) => g.groupId);
  return r.groups.filter((g) => ids.includes(g.id)).flatMap((g) => g.members);
};

const roster = buildRoster(createRng(11), 40, 3);

describe("buildRoster", () => {
  it("numbers agents agent-01 … agent-40", () => {
    expect(roster.agents.map((a) => a.profile.id)).toEqual(
      Array.from({ length: 40 }, (_, i) => `agent-${String(i + 1).padStart(2, "0")}`),
    );
  });

  it("routes a few agents to phones, two of them without a number", () => {
    const phone = roster.agents.filter((a) => a.profile.routingType === RoutingType.PHONE);
    expect(phone).toHaveLength(4);
    const numbers = phone.map((a) => a.profile.phoneNumber).filter((n) => n !== null);
    expect(numbers).toHaveLength(2);
    for (const n of numbers) {
      expect(n).toMatch(/^849\d{8}$/);
      expect(isValidPhoneNumber(n)).toBe(true);
    }
    const app = roster.agents.filter((a) => a.profile.routingType === RoutingType.APP);
    expect(app.every((a) => a.profile.phoneNumber === null)).toBe(true);
  });

  it("keeps the number-less phone agents Available so NO_PHONE_NUMBER is the board's only reason", () => {
    const noPhone = roster.agents.filter(
      (a) => a.profile.routingType === RoutingType.PHONE && a.profile.phoneNumber === null,
    );
    expect(noPhone.every((a) => a.start === "AVAILABLE")).toBe(true);
  });

  it("starts most agents Available and a few on breaks, offline or away", () => {
    const starts = roster.agents.map((a) => a.start);
    expect(starts.filter((s) => s === "AVAILABLE").length).toBeGreaterThanOrEqual(30);
    expect(starts).toContain("OFFLINE");
    expect(starts).toContain("SHORT_BREAK");
    expect(new Set(starts).size).toBeGreaterThanOrEqual(4);
  });

  it("builds Sales, Support and Billing on primary groups that overlap, PCC's 15 s timeout", () => {
    expect(roster.queues.map((q) => q.name)).toEqual(["Sales", "Support", "Billing"]);
    expect(roster.queues.every((q) => q.waitAgentAnswerTimeout === 15)).toBe(true);
    const memberships = new Map<string, number>();
    for (const q of roster.queues) {
      const members = primaryOf(roster, q.id);
      expect(members.length).toBeGreaterThan(0);
      expect(new Set(members).size).toBe(members.length);
      for (const id of members) memberships.set(id, (memberships.get(id) ?? 0) + 1);
    }
    expect(memberships.size).toBe(40);
    expect([...memberships.values()].filter((n) => n === 2).length).toBeGreaterThanOrEqual(5);
  });

  it("backs each queue with an overflow group of 4–6 outsiders that is primary for no queue", () => {
    for (const q of roster.queues) {
      const backups = q.groups.filter((g) => !g.primary);
      expect(backups).toHaveLength(1);
      const group = roster.groups.find((g) => g.id === backups[0]!.groupId)!;
      expect(group.name).toBe(`${q.name} overflow`);
      expect(group.members.length).toBeGreaterThanOrEqual(4);
      expect(group.members.length).toBeLessThanOrEqual(6);
      const primary = primaryOf(roster, q.id);
      expect(group.members.filter((id) => primary.includes(id))).toEqual([]);
      const primaryAnywhere = roster.queues.some((o) =>
        o.groups.some((g) => g.primary && g.groupId === group.id),
      );
      expect(primaryAnywhere).toBe(false);
    }
  });

  it("shows several strategies and demo-sized settings, with one backup delay and one miss limit", () => {
    expect(roster.queues.map((q) => q.strategy)).toEqual(["longest-idle", "round-robin", "ring-all"]);
    for (const q of roster.queues) {
      expect(q.agentWrapUpAfterCalls).toBe(true);
      expect(q.wrapUpTimeLimit).toBeGreaterThanOrEqual(10);
      expect(q.wrapUpTimeLimit).toBeLessThanOrEqual(20);
      expect(q).toMatchObject({
        maximumQueueSize: 25,
        maximumQueueWaitTime: 240,
        schedule: { kind: "always" },
      });
    }
    expect(roster.queues.map((q) => q.routeToBackupAfterSec)).toEqual([null, 20, null]);
    expect(roster.queues.map((q) => q.maxConsecutiveMisses)).toEqual([3, null, null]);
  });

  it("cycles through every strategy when there are more queues", () => {
    const big = buildRoster(createRng(5), 60, 8);
    expect(new Set(big.queues.map((q) => q.strategy))).toEqual(new Set(STRATEGIES));
    expect(big.queues[7]!.strategy).toBe("longest-idle");
  });

  it("staffs the busiest queue most", () => {
    expect(primaryOf(roster, "queue-sales").length).toBeGreaterThan(
      primaryOf(roster, "queue-billing").length,
    );
  });

  it("still gives every queue a member in small or odd-shaped centers", () => {
    for (const [agents, queues] of [
      [3, 3],
      [5, 1],
      [7, 8],
      [200, 8],
    ] as const) {
      const r = buildRoster(createRng(agents * queues), agents, queues);
      expect(r.agents).toHaveLength(agents);
      expect(r.queues).toHaveLength(queues);
      const staffed = r.queues.filter((q) => primaryOf(r, q.id).length > 0).length;
      if (agents >= queues) expect(staffed).toBe(queues);
      else expect(staffed).toBeGreaterThan(0);
      expect(new Set(r.queues.map((q) => q.id)).size).toBe(queues);
      expect(new Set(r.groups.map((g) => g.id)).size).toBe(r.groups.length);
      const overflow = r.groups.filter((g) => g.id.endsWith("-overflow"));
      expect(overflow.every((g) => g.members.length > 0)).toBe(true);
    }
  });
});
