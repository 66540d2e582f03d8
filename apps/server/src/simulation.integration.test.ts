import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { emptyState } from "@callboard/routing";
import { createSimulator } from "@callboard/simulator";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./env.ts";
import { simulatedSize } from "./simulation.ts";

const serverDir = fileURLToPath(new URL("..", import.meta.url));

describe("the simulator's size (CALLBOARD_SIMULATOR_AGENTS / _QUEUES)", () => {
  it("defaults to the 40-agent, 3-queue demo; queues follow agents when only agents are set", () => {
    expect(loadConfig({}).simulator.size).toEqual({ agents: 40, queues: 3, asked: false });
    expect(loadConfig({ CALLBOARD_SIMULATOR_AGENTS: "10000" }).simulator.size).toEqual({
      agents: 10_000,
      queues: 50,
      asked: true,
    });
    expect(
      loadConfig({ CALLBOARD_SIMULATOR_AGENTS: "600", CALLBOARD_SIMULATOR_QUEUES: "7" }).simulator.size,
    ).toEqual({ agents: 600, queues: 7, asked: true });
  });

  it("checks a size against the caps only when it is asked for", () => {
    expect(loadConfig({ CALLBOARD_MAX_AGENTS: "5" }).simulator.size).toEqual({
      agents: 40,
      queues: 3,
      asked: false,
    });
  });

  it.each([
    [
      { CALLBOARD_SIMULATOR_AGENTS: "0" },
      /CALLBOARD_SIMULATOR_AGENTS: must be a whole number from 1 to 50000/,
    ],
    [{ CALLBOARD_SIMULATOR_AGENTS: "ten" }, /CALLBOARD_SIMULATOR_AGENTS/],
    [{ CALLBOARD_SIMULATOR_AGENTS: "2.5" }, /CALLBOARD_SIMULATOR_AGENTS/],
    [{ CALLBOARD_SIMULATOR_AGENTS: "50001" }, /CALLBOARD_SIMULATOR_AGENTS/],
    [
      { CALLBOARD_SIMULATOR_QUEUES: "-1" },
      /CALLBOARD_SIMULATOR_QUEUES: must be a whole number from 1 to 500/,
    ],
    [{ CALLBOARD_SIMULATOR_QUEUES: "501" }, /CALLBOARD_SIMULATOR_QUEUES/],
    [
      { CALLBOARD_SIMULATOR_AGENTS: "30000" },
      /CALLBOARD_SIMULATOR_AGENTS: 30000 is more than CALLBOARD_MAX_AGENTS allows \(20000\)/,
    ],
    [
      { CALLBOARD_SIMULATOR_QUEUES: "20", CALLBOARD_MAX_QUEUES: "10" },
      /CALLBOARD_SIMULATOR_QUEUES: 20 is more than CALLBOARD_MAX_QUEUES allows \(10\)/,
    ],
    [
      { CALLBOARD_SIMULATOR_QUEUES: "20", CALLBOARD_MAX_GROUPS: "30" },
      /CALLBOARD_SIMULATOR_QUEUES: 20 queues need up to 40 groups, more than CALLBOARD_MAX_GROUPS allows \(30\)/,
    ],
  ])("refuses %o, naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("follows the center the log already has, and refuses another size asked for it", () => {
    const state = emptyState();
    const sim = createSimulator({ seed: 1, agents: 12, queues: 2 });
    for (const event of sim.setup(0)) {
      if (event.type === "agent.upserted") state.agents[event.agent.id] = {} as never;
      if (event.type === "queue.upserted") state.queues[event.queue.id] = {} as never;
    }
    const demo = { agents: 40, queues: 3, asked: false };
    expect(simulatedSize(demo, emptyState(), "db")).toEqual({ agents: 40, queues: 3 });
    expect(simulatedSize(demo, state, "db")).toEqual({ agents: 12, queues: 2 });
    expect(simulatedSize({ agents: 12, queues: 2, asked: true }, state, "db")).toEqual({
      agents: 12,
      queues: 2,
    });
    expect(() =>
      simulatedSize({ agents: 10_000, queues: 50, asked: true }, state, "/data/callboard.db"),
    ).toThrow(
      "CALLBOARD_SIMULATOR_AGENTS: the center in /data/callboard.db already has 12 agents and 2 queues",
    );
    expect(() => simulatedSize({ agents: 12, queues: 5, asked: true }, state, "db")).toThrow(
      /^CALLBOARD_SIMULATOR_QUEUES:/,
    );
  });

  it("stops start-up with one line naming the variable", () => {
    const dir = mkdtempSync(join(os.tmpdir(), "callboard-sim-knob-"));
    try {
      const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: serverDir,
        env: { ...process.env, CALLBOARD_DATA_DIR: dir, PORT: "0", CALLBOARD_SIMULATOR_AGENTS: "lots" },
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /^Callboard cannot start: Invalid environment: CALLBOARD_SIMULATOR_AGENTS: /,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
