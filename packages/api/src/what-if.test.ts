import { describeZodError } from "@callboard/contracts";
import { QUEUE_DEFAULTS } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createCaller } from "./root.ts";
import { fakeContext, fakeWhatIf, personActor } from "./test-context.ts";

const NOW = 1_800_000_000_000; // fakeContext's clock
const HOUR = 3_600_000;

function supervisor() {
  const { ctx } = fakeContext({ actor: personActor("supervisor") });
  ctx.core.state.queues.sales = { ...QUEUE_DEFAULTS, id: "sales", name: "Sales", groups: [] };
  const whatIf = fakeWhatIf();
  ctx.whatIf = whatIf;
  return { api: createCaller(ctx).whatIf, whatIf };
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    const { code, message, cause } = error as { code: string; message: string; cause: unknown };
    return { code, message: cause instanceof ZodError ? describeZodError(cause) : message };
  }
  throw new Error("expected a refusal");
}

const none = { kind: "none" } as const;

describe("whatIf.start refuses a bad period, naming the field", () => {
  it("inverted, in the future, over one day", async () => {
    const { api, whatIf } = supervisor();
    expect(
      await refusal(api.start({ queueId: "sales", from: NOW - HOUR, to: NOW - 2 * HOUR, change: none })),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "to: must be after the start",
    });
    expect(
      await refusal(api.start({ queueId: "sales", from: NOW + HOUR, to: NOW + 2 * HOUR, change: none })),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "from: is in the future: pick a past period",
    });
    expect(
      await refusal(api.start({ queueId: "sales", from: NOW - HOUR, to: NOW + HOUR, change: none })),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "to: is in the future: the period must have ended",
    });
    expect(
      await refusal(api.start({ queueId: "sales", from: NOW - 30 * HOUR, to: NOW - HOUR, change: none })),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "to: the period is longer than one day",
    });
    expect(
      await refusal(
        api.start({
          queueId: "sales",
          from: NOW - 2 * HOUR,
          to: NOW - HOUR,
          change: { kind: "agents", delta: 0 },
        }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "change.delta: add or remove at least one agent" });
    expect(
      await refusal(api.start({ queueId: "nope", from: NOW - 2 * HOUR, to: NOW - HOUR, change: none })),
    ).toEqual({
      code: "NOT_FOUND",
      message: 'queueId: no queue "nope"',
    });
    expect(whatIf.started).toEqual([]);
  });
});

describe("whatIf runs", () => {
  it("starts one at a time, reports it, cancels it", async () => {
    const { api, whatIf } = supervisor();
    const request = {
      queueId: "sales",
      from: NOW - 2 * HOUR,
      to: NOW - HOUR,
      change: { kind: "strategy", strategy: "random" },
    } as const;
    const { runId } = await api.start(request);
    expect(whatIf.started).toEqual([request]);
    expect(await api.status({ runId })).toMatchObject({ state: "running" });
    expect(await refusal(api.start(request))).toEqual({
      code: "CONFLICT",
      message: "A what-if is already running: wait for it or cancel it.",
    });
    expect(await api.cancel({ runId })).toEqual({ cancelled: true });
    expect(await api.status({ runId })).toMatchObject({ state: "cancelled" });
    expect(await api.cancel({ runId })).toEqual({ cancelled: false });
    expect(await refusal(api.status({ runId: "other" }))).toEqual({
      code: "NOT_FOUND",
      message: 'runId: no what-if run "other"',
    });
  });
});
