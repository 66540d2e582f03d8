import { describe, expect, it } from "vitest";
import { parseRoutingRequest } from "./routing-request.ts";

const CALL = { callId: "call-vn-1-ZD3IDIXS1J-1515820305477", from: "84901234567", to: "842473001234" };

describe("parseRoutingRequest", () => {
  it("reads the POST JSON form, as object or raw text", () => {
    const body = { queueId: "QU_1", projectId: 123, calls: [CALL], extra: true };
    const expected = { ok: true, request: { queueId: "QU_1", projectId: "123", calls: [CALL] } };
    expect(parseRoutingRequest({ method: "POST", body })).toEqual(expected);
    expect(parseRoutingRequest({ method: "post", body: JSON.stringify(body) })).toEqual(expected);
  });

  it("reads the GET form with calls as JSON or a single callId/from/to", () => {
    expect(
      parseRoutingRequest({
        method: "GET",
        query: {
          queueId: "QU_1",
          projectId: "123",
          calls: JSON.stringify([CALL, { ...CALL, callId: "c2" }]),
        },
      }),
    ).toEqual({
      ok: true,
      request: { queueId: "QU_1", projectId: "123", calls: [CALL, { ...CALL, callId: "c2" }] },
    });
    const query = new URLSearchParams({ queueId: "QU_1", callId: CALL.callId, from: CALL.from, to: CALL.to });
    expect(parseRoutingRequest({ method: "GET", query })).toEqual({
      ok: true,
      request: { queueId: "QU_1", projectId: null, calls: [CALL] },
    });
    // A POST with an empty body falls back to the query form.
    expect(parseRoutingRequest({ method: "POST", body: "", query: { queueId: "Q", callId: "c" } })).toEqual({
      ok: true,
      request: { queueId: "Q", projectId: null, calls: [{ callId: "c", from: "", to: "" }] },
    });
  });

  it("names the bad field", () => {
    const error = (raw: Parameters<typeof parseRoutingRequest>[0]) => {
      const r = parseRoutingRequest(raw);
      return r.ok ? null : r.error;
    };
    expect(error({ method: "POST", body: { calls: [CALL] } })).toMatch(/^queueId: /);
    expect(error({ method: "POST", body: { queueId: "", calls: [CALL] } })).toMatch(/^queueId: /);
    expect(error({ method: "POST", body: { queueId: "Q", calls: "call-1" } })).toBe(
      "calls: must be an array of calls",
    );
    expect(error({ method: "POST", body: { queueId: "Q" } })).toBe("calls: must be an array of calls");
    expect(error({ method: "POST", body: { queueId: "Q", calls: [] } })).toBe(
      "calls: must list at least one call",
    );
    expect(error({ method: "POST", body: { queueId: "Q", calls: [{ from: "1" }] } })).toMatch(
      /^calls\.0\.callId: /,
    );
    const many = Array.from({ length: 101 }, (_, i) => ({ ...CALL, callId: `c${i}` }));
    expect(error({ method: "POST", body: { queueId: "Q", calls: many } })).toBe(
      "calls: must list at most 100 calls per request (got 101)",
    );
    expect(error({ method: "POST", body: "{not json" })).toBe("body: must be JSON");
    expect(error({ method: "POST", body: [CALL] })).toBe("body: must be a JSON object");
    expect(error({ method: "GET", query: { queueId: "Q", calls: "[oops" } })).toBe(
      "calls: must be a JSON array of calls",
    );
    expect(error({ method: "GET", query: { queueId: "Q" } })).toBe("calls: must be an array of calls");
  });

  it("applies the contracts' field limits: ids ≤ 128 characters, numbers ≤ 64, naming the field", () => {
    const error = (body: unknown) => {
      const r = parseRoutingRequest({ method: "POST", body });
      return r.ok ? null : r.error;
    };
    expect(error({ queueId: "Q", calls: [{ ...CALL, callId: "c".repeat(5_000) }] })).toBe(
      "calls.0.callId: call id must be at most 128 characters",
    );
    expect(error({ queueId: "Q", calls: [{ ...CALL, from: "8".repeat(50_000) }] })).toBe(
      "calls.0.from: must be at most 64 characters",
    );
    expect(error({ queueId: "Q", calls: [{ ...CALL, to: "8".repeat(65) }] })).toBe(
      "calls.0.to: must be at most 64 characters",
    );
    expect(error({ queueId: "q".repeat(129), calls: [CALL] })).toBe(
      "queueId: queue id must be at most 128 characters",
    );
    // At the limits, accepted.
    expect(
      error({ queueId: "q".repeat(128), calls: [{ callId: "c".repeat(128), from: "8".repeat(64), to: "" }] }),
    ).toBeNull();
    // The GET form too.
    const query = { queueId: "Q", callId: "c".repeat(129) };
    const r = parseRoutingRequest({ method: "GET", query });
    expect(r.ok ? null : r.error).toBe("calls.0.callId: call id must be at most 128 characters");
  });
});
