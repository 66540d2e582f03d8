import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootFuzzServer } from "./fuzz-server.ts";
import { type FuzzRole, hostileInputs, prototypeIsClean, runRole } from "./hostile-inputs.ts";

/** The always-on slice of the fuzz run (`pnpm --filter @callboard/server fuzz` runs ≥ 10,000 per role). */
const RUNS_PER_ROLE = 300;
const SEED = 20_250_710;

describe("hostile input from every role against every door (small, always on)", () => {
  let booted: Awaited<ReturnType<typeof bootFuzzServer>>;
  beforeAll(async () => {
    booted = await bootFuzzServer();
  });
  afterAll(async () => {
    await booted.server.destroy();
  });

  for (const [i, role] of (["anonymous", "viewer", "supervisor"] as FuzzRole[]).entries()) {
    it(`${role}: no 5xx, every refusal with a reason, the log unchanged (supervisors: manual statuses only)`, async () => {
      const target = booted.targets[role];
      const report = await runRole(target, role, hostileInputs(target, role, RUNS_PER_ROLE, SEED + i));
      expect(report.failures).toEqual([]);
      expect(booted.errors).toEqual([]);
      expect(prototypeIsClean()).toBe(true);
      if (role !== "supervisor") expect(report.logUnchanged).toBe(true);
      const health = await fetch(`${booted.server.url}/healthz`);
      expect(health.status).toBe(200);
    }, 30_000);
  }
});
