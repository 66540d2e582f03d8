import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import {
  clientAddress,
  hostProblem,
  isHttps,
  isJsonContentType,
  originProblem,
  type RequestPolicy,
} from "./request-policy.ts";

const policy: RequestPolicy = {
  allowedHosts: ["callboard.example"],
  allowedOrigins: [],
  trustLoopbackProxy: true,
  trustedProxyHops: 0,
};

function req(headers: Record<string, string>, remoteAddress = "127.0.0.1"): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe("request policy", () => {
  it("accepts localhost, IP literals and listed names as Host; refuses a rebound name", () => {
    for (const host of [
      "localhost:3000",
      "127.0.0.1:3001",
      "[::1]:3000",
      "192.168.1.5:3000",
      "callboard.example",
    ]) {
      expect(hostProblem(req({ host }), policy)).toBeNull();
    }
    expect(hostProblem(req({ host: "attacker.example" }), policy)).toMatch(/attacker\.example/);
    expect(hostProblem(req({}), policy)).toMatch(/no Host/);
  });

  it("reads the client's address from what our own proxy appended, never from the client's claims", () => {
    const spoofed = {
      host: "127.0.0.1:3001",
      "x-forwarded-for": "1.2.3.4, 10.1.1.1",
      "x-forwarded-proto": "https, http",
    };
    expect(clientAddress(req(spoofed), policy)).toBe("10.1.1.1");
    expect(isHttps(req(spoofed), policy)).toBe(false);
    // Behind one trusted TLS proxy, the client is one entry further back.
    const behind = { ...policy, trustedProxyHops: 1 };
    expect(clientAddress(req(spoofed), behind)).toBe("1.2.3.4");
    expect(isHttps(req(spoofed), behind)).toBe(true);
    // From a peer that is not our proxy, forwarded headers are ignored.
    expect(clientAddress(req(spoofed, "10.9.9.9"), policy)).toBe("10.9.9.9");
  });

  it("checks the Host the browser sent, whatever X-Forwarded-Host claims", () => {
    expect(hostProblem(req({ host: "attacker.example", "x-forwarded-host": "localhost" }), policy)).toMatch(
      /attacker/,
    );
  });

  it("lets same-origin and header-less clients send commands, not other sites", () => {
    expect(
      originProblem(req({ host: "localhost:3000", origin: "http://localhost:3000" }), policy),
    ).toBeNull();
    expect(originProblem(req({ host: "localhost:3000" }), policy)).toBeNull();
    expect(originProblem(req({ host: "localhost:3000", origin: "http://evil.example" }), policy)).toMatch(
      /evil/,
    );
    expect(originProblem(req({ host: "localhost:3000", "sec-fetch-site": "cross-site" }), policy)).toMatch(
      /cross-site/,
    );
    expect(originProblem(req({ host: "localhost:3000", origin: "null" }), policy)).toMatch(/null/);
    expect(
      originProblem(req({ host: "localhost:3000", origin: "http://tv.example" }), {
        ...policy,
        allowedOrigins: ["http://tv.example"],
      }),
    ).toBeNull();
  });

  it("takes application/json as the media type exactly, not as a substring", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=utf-8")).toBe(true);
    expect(isJsonContentType("text/plain; charset=application/json")).toBe(false);
    expect(isJsonContentType("application/jsonp")).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });
});
