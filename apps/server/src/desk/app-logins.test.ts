import type { Agent } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { AppLogins } from "./app-logins.ts";

const agent = (id: string, app: boolean) =>
  ({ id, presence: { app, pushTokens: [], sip: false } }) as unknown as Agent;

describe("AppLogins", () => {
  it("a client that stops repeating itself is logged out once its ttl has passed, not before", () => {
    const logins = new AppLogins([], 0, 60_000);
    logins.beat("lan", 60_000);
    expect(logins.expired(59_999)).toEqual([]);
    logins.beat("lan", 120_000); // a heartbeat moves the deadline
    expect(logins.expired(60_000)).toEqual([]);
    expect(logins.expired(120_000)).toEqual(["lan"]);
    expect(logins.expired(500_000)).toEqual([]); // once
  });

  it("a logout is not expired later", () => {
    const logins = new AppLogins([], 0, 60_000);
    logins.beat("lan", 60_000);
    logins.forget("lan");
    expect(logins.expired(100_000)).toEqual([]);
  });

  it("after a restart, every recorded App/Web login gets the grace period to report again", () => {
    const logins = new AppLogins([agent("lan", true), agent("minh", false)], 1_000, 60_000);
    expect(logins.expired(60_999)).toEqual([]);
    expect(logins.expired(61_000)).toEqual(["lan"]);
  });
});
