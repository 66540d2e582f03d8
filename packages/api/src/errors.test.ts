import { DomainRejectedError, PccWriteError } from "@callboard/contracts";
import { describe, expect, it } from "vitest";
import { toTRPCError } from "./errors.ts";

describe("toTRPCError", () => {
  it("answers a domain refusal with its tRPC code and the domain's words", () => {
    const unknown = toTRPCError(new DomainRejectedError({ code: "UNKNOWN_AGENT", message: 'no agent "x"' }));
    expect(unknown).toMatchObject({ code: "NOT_FOUND", message: 'no agent "x"' });
    expect(toTRPCError(new DomainRejectedError({ code: "INVALID", message: "m" }))?.code).toBe("BAD_REQUEST");
    expect(toTRPCError(new DomainRejectedError({ code: "CONFLICT", message: "m" }))?.code).toBe("CONFLICT");
  });

  it("answers a failed PCC write with retry-later (not synced) or bad gateway (PCC refused)", () => {
    expect(toTRPCError(new PccWriteError("NOT_SYNCED", "not synced"))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "not synced",
    });
    expect(toTRPCError(new PccWriteError("PCC_REFUSED", "refused"))?.code).toBe("BAD_GATEWAY");
  });

  it("leaves anything else alone: a bug stays an internal error", () => {
    expect(toTRPCError(new Error("boom"))).toBeNull();
    expect(toTRPCError(undefined)).toBeNull();
  });
});
