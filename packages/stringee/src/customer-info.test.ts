import { emptyState, QUEUE_DEFAULTS, step } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { customerInfo, customerInfoQuerySchema } from "./customer-info.ts";

function center() {
  const state = emptyState();
  const send = (event: Parameters<typeof step>[1], at: number) => {
    const result = step(state, event, at);
    if (!result.ok) throw new Error(result.rejection.message);
  };
  send({ type: "group.upserted", group: { id: "g", name: "G", members: [] } }, 1_000);
  send(
    {
      type: "queue.upserted",
      queue: { ...QUEUE_DEFAULTS, id: "q", name: "Support line", groups: [{ groupId: "g", primary: true }] },
    },
    1_000,
  );
  send({ type: "call.arrived", callId: "c1", queueId: "q", from: "84901234567" }, 5_000);
  return state;
}

describe("get_customer_info_url's answer", () => {
  it("names the caller and the queue its live call waits in", () => {
    expect(customerInfo(center(), { from: "84901234567", to: "lan" })).toEqual({
      version: 1,
      customer: { number: "84901234567" },
      queue: { id: "q", name: "Support line", callId: "c1", arrivedAt: 5_000 },
    });
  });

  it("has no queue for a number Callboard is not routing", () => {
    expect(customerInfo(center(), { from: "84900000000" }).queue).toBeNull();
  });

  it("refuses a query without a caller, or an oversized one", () => {
    expect(customerInfoQuerySchema.safeParse({}).success).toBe(false);
    expect(customerInfoQuerySchema.safeParse({ from: "8".repeat(65) }).success).toBe(false);
  });
});
