import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isAgentDesk } from "./security-headers";

describe("the pages' content security policy", () => {
  it("lets only the agent desk connect to Stringee; every other page talks to its own origin only", () => {
    expect(contentSecurityPolicy("n", false)).toContain("connect-src 'self';");
    expect(contentSecurityPolicy("n", false, "agent-desk")).toContain(
      "connect-src 'self' https://*.stringee.com wss://*.stringee.com:*;",
    );
    expect(isAgentDesk("/agent")).toBe(true);
    expect(isAgentDesk("/agents-of-chaos")).toBe(false);
    expect(isAgentDesk("/")).toBe(false);
  });
});
