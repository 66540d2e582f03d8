import { describe, expect, it } from "vitest";
import { pccEnvelopeSchema, pccMessage } from "./envelope.ts";

describe("PCC envelope", () => {
  it("reads r, message or msg, project and data", () => {
    const a = pccEnvelopeSchema.parse({
      r: 0,
      project: 123,
      message: "Create agent success",
      agentID: "AG_1",
    });
    expect(a).toMatchObject({ r: 0, project: 123, agentID: "AG_1" });
    expect(pccMessage(a)).toBe("Create agent success");
    const b = pccEnvelopeSchema.parse({ r: "0", msg: "", data: {} });
    expect(b.r).toBe(0);
    expect(pccMessage(pccEnvelopeSchema.parse({ r: 1, msg: "Call not found" }))).toBe("Call not found");
  });

  it("refuses a body without a numeric r", () => {
    expect(pccEnvelopeSchema.safeParse({ message: "ok" }).success).toBe(false);
    expect(pccEnvelopeSchema.safeParse({ r: "zero" }).success).toBe(false);
    expect(pccEnvelopeSchema.safeParse("<html>").success).toBe(false);
  });
});
