import { describe, expect, it } from "vitest";
import { sipRegistration } from "./sip-registration.ts";

describe("sipRegistration", () => {
  it("registers projectId_userId at v2.stringee.com:15060", () => {
    expect(sipRegistration({ projectId: 1234, userId: "agent_1" })).toEqual({
      domain: "v2.stringee.com",
      port: 15060,
      registrar: "v2.stringee.com:15060",
      username: "1234_agent_1",
    });
  });
});
