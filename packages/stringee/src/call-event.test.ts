import { describe, expect, it } from "vitest";
import { callEventKey, parseCallEvent } from "./call-event.ts";

const ENDED = {
  call_status: "ended",
  project_id: 123,
  request_from_user_id: "",
  account_sid: "AC1",
  timestamp_ms: 1515820305477,
  from: { number: "84901234567", alias: "84901234567", is_online: false, type: "external" },
  to: { number: "agent_1", alias: "agent_1", is_online: true, type: "internal" },
  type: "stringee_call",
  call_id: "call-vn-1-ZD3IDIXS1J-1515820305477",
  clientCustomData: "",
  callCreatedReason: "CLIENT_MAKE_CALL",
  endCallCause: "486 Busy Here",
  endedBy: "EXTERNAL",
  callType: "CALL",
  duration: 12,
  answerDuration: 10,
  somethingNew: { nested: true },
};

describe("parseCallEvent", () => {
  it("reads a documented ended event and drops unknown fields", () => {
    const r = parseCallEvent(ENDED);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event).toMatchObject({
      call_id: "call-vn-1-ZD3IDIXS1J-1515820305477",
      call_status: "ended",
      timestamp_ms: 1515820305477,
      project_id: "123",
      from: { number: "84901234567", is_online: false, type: "external" },
      to: { number: "agent_1", is_online: true },
      endCallCause: "486 Busy Here",
      endedBy: "EXTERNAL",
      duration: 12,
      answerDuration: 10,
    });
    expect(r.event).not.toHaveProperty("somethingNew");
  });

  it("accepts raw JSON text, every status, a numeric-string timestamp and a bare minimum event", () => {
    for (const status of ["created", "started", "ringing", "answered", "ended", "agentEnded"]) {
      const r = parseCallEvent(
        JSON.stringify({ call_id: "c", call_status: status, timestamp_ms: "1700000000000" }),
      );
      expect(r).toMatchObject({ ok: true, event: { call_status: status, timestamp_ms: 1700000000000 } });
    }
  });

  it("names the bad field", () => {
    const error = (v: unknown) => {
      const r = parseCallEvent(v);
      return r.ok ? null : r.error;
    };
    expect(error({ ...ENDED, call_status: "hold" })).toMatch(/^call_status: must be one of created/);
    expect(error({ ...ENDED, call_id: "" })).toMatch(/^call_id: /);
    expect(error({ ...ENDED, timestamp_ms: "soon" })).toMatch(/^timestamp_ms: /);
    expect(error({ ...ENDED, timestamp_ms: undefined })).toMatch(/^timestamp_ms: /);
    expect(error({ ...ENDED, from: { alias: "x" } })).toMatch(/^from\.number: /);
    expect(error("{oops")).toBe("body: must be JSON");
  });

  it("applies the contracts' id limit to the call id and the parties (a phone number or user id)", () => {
    const error = (v: unknown) => {
      const r = parseCallEvent(v);
      return r.ok ? null : r.error;
    };
    expect(error({ ...ENDED, call_id: "c".repeat(5_000) })).toBe(
      "call_id: call id must be at most 128 characters",
    );
    expect(error({ ...ENDED, from: { number: "8".repeat(50_000) } })).toBe(
      "from.number: must be at most 128 characters",
    );
    expect(error({ ...ENDED, to: { number: "u".repeat(129) } })).toBe(
      "to.number: must be at most 128 characters",
    );
    expect(error({ ...ENDED, call_id: "c".repeat(128), to: { number: "u".repeat(128) } })).toBeNull();
  });
});

describe("callEventKey", () => {
  it("is call id, status and timestamp", () => {
    expect(callEventKey({ call_id: "c1", call_status: "answered", timestamp_ms: 42 })).toBe("c1|answered|42");
  });
});
