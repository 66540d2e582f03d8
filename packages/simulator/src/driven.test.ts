import { describe, expect, it } from "vitest";
import { runSimulation } from "./test-harness.ts";

describe("agents people drive from the agent desk", () => {
  it("are never answered for, hung up for, or moved by the simulator; the rest of the center goes on", () => {
    const plain = runSimulation({ seed: 11, agents: 12, minutes: 30, speed: 5 });
    const busiest = Object.values(plain.state.agents).sort((a, b) => b.answeredCalls - a.answeredCalls)[0]!;
    expect(busiest.answeredCalls).toBeGreaterThan(0);
    const driven = new Set([busiest.id]);
    const run = runSimulation({ seed: 11, agents: 12, minutes: 30, speed: 5, driven });
    const setupEnd = run.inputs.findIndex((e) => e.type === "call.arrived");
    const touching = run.inputs
      .slice(setupEnd)
      .filter((e) => "agentId" in e && e.agentId === busiest.id && e.type !== "call.answered");
    expect(touching).toEqual([]);
    expect(run.inputs.filter((e) => e.type === "call.answered" && e.agentId === busiest.id)).toEqual([]);
    expect(run.rejections).toEqual([]);
    // It still rings (nobody answers it, so its offers ring out), and the others still work.
    expect(run.state.agents[busiest.id]!.missedOffers).toBeGreaterThan(0);
    expect(run.inputs.filter((e) => e.type === "call.answered").length).toBeGreaterThan(0);
  });
});
