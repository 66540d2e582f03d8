import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callEventKey, parseCallEvent } from "../call-event.ts";
import { routingAnswer } from "../routing-answer.ts";
import { parseRoutingRequest } from "../routing-request.ts";
import { verifyStringeeSignature } from "../signature.ts";
import { callEvent } from "./call-event-builder.ts";
import { callRoutingWebhook } from "./call-routing-webhook.ts";
import { signAndPostCallEvent } from "./post-call-event.ts";

const SECRET = "project-signing-secret";
let server: Server;
let url: string;
const received: string[] = [];

/** A minimal Callboard-like receiver built only from this package's parsing pieces. */
beforeEach(async () => {
  received.length = 0;
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const target = new URL(req.url ?? "/", "http://x");
    if (target.pathname === "/events") {
      const signature = req.headers["x-stringee-signature"];
      if (!verifyStringeeSignature(SECRET, raw, typeof signature === "string" ? signature : undefined)) {
        res.writeHead(401).end("bad signature");
        return;
      }
      const parsed = parseCallEvent(raw.toString());
      if (!parsed.ok) {
        res.writeHead(400).end(parsed.error);
        return;
      }
      received.push(callEventKey(parsed.event));
      res.writeHead(200).end("ok");
      return;
    }
    const parsed = parseRoutingRequest({
      method: req.method ?? "GET",
      query: target.searchParams,
      body: raw.toString(),
    });
    if (!parsed.ok) {
      res.writeHead(400).end(parsed.error);
      return;
    }
    const answer = routingAnswer(
      parsed.request.calls.map((c) => ({
        callId: c.callId,
        agents: [{ stringeeUserId: "agent_1", routingType: 1, phoneNumber: null }],
      })),
      20,
    );
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("signAndPostCallEvent + callEvent", () => {
  it("posts a signed event the receiver verifies and parses", async () => {
    const event = callEvent({
      callId: "call-vn-1-X-1",
      status: "ended",
      timestampMs: 1_700_000_000_000,
      from: "84901234567",
      to: { number: "agent_1", isOnline: true },
      duration: 30,
    });
    expect(event).toMatchObject({
      call_id: "call-vn-1-X-1",
      call_status: "ended",
      from: { number: "84901234567", type: "external" },
      to: { number: "agent_1", is_online: true, type: "internal" },
      endedBy: "EXTERNAL",
      duration: 30,
    });
    expect(await signAndPostCallEvent(`${url}/events`, SECRET, event)).toEqual({ status: 200, body: "ok" });
    expect(received).toEqual(["call-vn-1-X-1|ended|1700000000000"]);
  });

  it("is refused unsigned or signed with another secret", async () => {
    const event = callEvent({ callId: "c", status: "ringing", timestampMs: 1, from: "1", to: "2" });
    expect((await signAndPostCallEvent(`${url}/events`, null, event)).status).toBe(401);
    expect((await signAndPostCallEvent(`${url}/events`, "other", event)).status).toBe(401);
  });
});

describe("callRoutingWebhook", () => {
  const request = {
    queueId: "QU_1",
    projectId: 42,
    calls: [{ callId: "c1", from: "84901234567", to: "842471" }],
  };

  it("calls by POST and by GET and returns the parsed answer", async () => {
    const expected = {
      version: 2,
      calls: [
        { callId: "c1", agents: [{ stringee_user_id: "agent_1", routing_type: 1, answer_timeout: 20 }] },
      ],
    };
    expect(await callRoutingWebhook(`${url}/route`, request)).toEqual(expected);
    expect(await callRoutingWebhook(`${url}/route`, request, { method: "GET" })).toEqual(expected);
  });

  it("throws with the receiver's message on a 400", async () => {
    await expect(callRoutingWebhook(`${url}/route`, { ...request, queueId: "" })).rejects.toThrow(
      /HTTP 400: queueId: /,
    );
  });
});
