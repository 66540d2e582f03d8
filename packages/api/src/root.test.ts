import { DomainRejectedError, PccWriteError } from "@callboard/contracts";
import type { ManualStatus } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import type { PccHandle } from "./context.ts";
import { createCaller } from "./root.ts";
import { fakeContext } from "./test-context.ts";

function withFakes(options: Parameters<typeof fakeContext>[0] = {}) {
  const { ctx, submitted, auth } = fakeContext(options);
  return { caller: createCaller(ctx), submitted, auth };
}

const failingPcc = (error: Error): PccHandle => ({
  setManualStatus: async (_agentId: string, _status: ManualStatus) => {
    throw error;
  },
  createAgent: async () => {
    throw error;
  },
  updateAgent: async () => {
    throw error;
  },
});

describe("appRouter with a fake context", () => {
  it("standalone: a manual status change is submitted to the core, and the mode says standalone", async () => {
    const { caller, submitted } = withFakes();
    expect(await caller.agents.setManualStatus({ agentId: "lan", status: "AVAILABLE" })).toEqual({
      seq: 1,
      duplicate: false,
    });
    expect(submitted).toEqual([{ type: "agent.manual_status_set", agentId: "lan", status: "AVAILABLE" }]);
    expect(await caller.connector.status()).toEqual({ mode: "standalone" });
  });

  it("a write PCC cannot take is answered with its tRPC code, and nothing reaches the core", async () => {
    const notSynced = withFakes({ pcc: failingPcc(new PccWriteError("NOT_SYNCED", "not synced yet")) });
    await expect(
      notSynced.caller.agents.setManualStatus({ agentId: "lan", status: "LUNCH_BREAK" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "not synced yet" });
    const refused = withFakes({ pcc: failingPcc(new PccWriteError("PCC_REFUSED", "PCC refused")) });
    await expect(
      refused.caller.agents.setManualStatus({ agentId: "lan", status: "LUNCH_BREAK" }),
    ).rejects.toMatchObject({ code: "BAD_GATEWAY" });
    expect([...notSynced.submitted, ...refused.submitted]).toEqual([]);
  });

  it("a domain refusal keeps the domain's words", async () => {
    const refuse = new DomainRejectedError({
      code: "UNKNOWN_AGENT",
      message: 'agent "ghost" does not exist',
    });
    const { caller } = withFakes({ refuse });
    await expect(
      caller.agents.setManualStatus({ agentId: "ghost", status: "AVAILABLE" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: 'agent "ghost" does not exist',
    });
  });
});
