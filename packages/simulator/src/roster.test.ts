import { isValidPhoneNumber, RoutingType } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { createRng } from "./prng.ts";
import { buildRoster } from "./roster.ts";

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

  it("builds Sales, Support and Billing with overlapping members and PCC's 15 s timeout", () => {
    expect(roster.queues.map((q) => q.name)).toEqual(["Sales", "Support", "Billing"]);
    expect(roster.queues.every((q) => q.answerTimeoutSec === 15)).toBe(true);
    const memberships = new Map<string, number>();
    for (const q of roster.queues) {
      expect(q.members.length).toBeGreaterThan(0);
      expect(new Set(q.members).size).toBe(q.members.length);
      for (const id of q.members) memberships.set(id, (memberships.get(id) ?? 0) + 1);
    }
    expect(memberships.size).toBe(40);
    expect([...memberships.values()].filter((n) => n === 2).length).toBeGreaterThanOrEqual(5);
  });

  it("staffs the busiest queue most", () => {
    const [sales, , billing] = roster.queues;
    expect(sales!.members.length).toBeGreaterThan(billing!.members.length);
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
      const staffed = r.queues.filter((q) => q.members.length > 0).length;
      if (agents >= queues) expect(staffed).toBe(queues);
      else expect(staffed).toBeGreaterThan(0);
      expect(new Set(r.queues.map((q) => q.id)).size).toBe(queues);
    }
  });
});
