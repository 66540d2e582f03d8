import { describeZodError } from "@callboard/contracts";
import { QUEUE_DEFAULTS } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createCaller } from "./root.ts";
import { fakeContext, personActor } from "./test-context.ts";

/** The clock of fakeContext: 2027-01-15 08:00 UTC, i.e. 15:00 in Ho Chi Minh City. */
function viewer() {
  const { ctx } = fakeContext({ actor: personActor("viewer") });
  ctx.core.state.queues.sales = { ...QUEUE_DEFAULTS, id: "sales", name: "Sales", groups: [] };
  return createCaller(ctx);
}

/** What a client reads: the code and the one line the error formatter (trpc.ts) sends. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    const { code, message, cause } = error as { code: string; message: string; cause: unknown };
    return { code, message: cause instanceof ZodError ? describeZodError(cause) : message };
  }
  throw new Error("expected a refusal");
}

const custom = (from: string, to: string) => ({ preset: "custom" as const, from, to });

describe("history's bad input is refused, naming the field", () => {
  it("an inverted range, a range over the limit, a day that is no date", async () => {
    const history = viewer().history;
    expect(
      await refusal(
        history.queue({ queueId: "sales", granularity: "day", range: custom("2027-01-10", "2027-01-09") }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "range.to: the last day is before the first day" });
    expect(
      await refusal(
        history.queue({ queueId: "sales", granularity: "day", range: custom("2026-01-01", "2027-01-01") }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "range.to: at most 92 days at a time" });
    expect(
      await refusal(
        history.queue({ queueId: "sales", granularity: "15min", range: custom("2026-11-01", "2026-12-31") }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "granularity: 15-minute steps are for at most 31 days: pick hours or days",
    });
    const noDate = {
      queueId: "sales",
      granularity: "day",
      agentId: null,
      range: custom("2027-02-30", "2027-03-01"),
    } as const;
    expect(await refusal(history.agents(noDate))).toEqual({
      code: "BAD_REQUEST",
      message: "range.from: not a date (YYYY-MM-DD)",
    });
  });

  it("a day after today in the queue's time zone", async () => {
    await expect(
      viewer().history.queue({
        queueId: "sales",
        granularity: "hour",
        range: custom("2027-01-15", "2027-01-16"),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "range.to: 2027-01-16 is in the future (today is 2027-01-15)",
    });
  });

  it("an unknown queue or agent", async () => {
    const history = viewer().history;
    await expect(
      history.queue({ queueId: "nope", granularity: "day", range: { preset: "today" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: 'queueId: no queue "nope"' });
    await expect(
      history.agents({ queueId: "sales", granularity: "day", agentId: "ghost", range: { preset: "today" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: 'agentId: no agent "ghost"' });
  });

  it("answers a preset with the days it covers and one point per period", async () => {
    const answer = await viewer().history.queue({
      queueId: "sales",
      granularity: "hour",
      range: { preset: "last7" },
    });
    expect(answer).toMatchObject({
      fromDate: "2027-01-09",
      toDate: "2027-01-15",
      timeZone: "Asia/Ho_Chi_Minh",
    });
    expect(answer.points).toHaveLength(7 * 24);
    expect(answer.total.offered).toBe(0);
  });
});
