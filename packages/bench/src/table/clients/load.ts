/**
 * HTTP load on the core's POST /api/events, as the operator, over keep-alive loopback connections.
 * - `closed`: `concurrency` senders, each sending its next event when the last is acknowledged, for
 *   `seconds`: the sustained rate the core takes, and the ack latency at that rate.
 * - `open`: `rate` events a second on schedule for `seconds`; latency counts from when each event was
 *   due, so a stalled core cannot hide behind a slow sender.
 * Events: `status` toggles agents' manual status (each sender owns its agents, so every event
 * changes something); `calls` puts a call in a queue (the core decides whom it rings before it
 * answers) and abandons it a moment later, so the center stays steady. Only `call.arrived` acks are
 * measured in `calls`.
 */
import http from "node:http";
import { summarize } from "../../stats.ts";
import { serve } from "../child.ts";

type Shape = "status" | "calls";
interface Load {
  url: string;
  token: string;
  shape: Shape;
  agents: string[];
  queueIds: string[];
  seconds: number;
  concurrency?: number;
  rate?: number;
}

let agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/events`,
      {
        method: "POST",
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Sender `w`'s next event: its agents in turn, each flipping between a break and Available. */
function statusSource(load: Load, sender: number, senders: number, run: string) {
  const mine = load.agents.filter((_, i) => i % senders === sender);
  const onBreak = new Set<string>();
  let n = 0;
  return () => {
    const agentId = mine[n++ % mine.length]!;
    const status = onBreak.has(agentId) ? "AVAILABLE" : "SHORT_BREAK";
    if (onBreak.has(agentId)) onBreak.delete(agentId);
    else onBreak.add(agentId);
    return JSON.stringify({
      event: { type: "agent.manual_status_set", agentId, status },
      idempotencyKey: `${run}-${sender}-${n}`,
    });
  };
}

async function run(load: Load): Promise<object> {
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const runTag = `bench-${process.pid}-${Date.now()}`;
  const samples: number[] = [];
  let errors = 0;
  let sent = 0;
  const end = performance.now() + load.seconds * 1000;
  let callNo = 0;
  /** One measured request; returns when acknowledged. `due` = when it should have been sent. */
  const one = async (body: string, due: number) => {
    sent++;
    const status = await post(load.url, load.token, body).catch(() => 0);
    if (status !== 201 && status !== 200) errors++;
    else samples.push((performance.now() - due) * 1000);
  };
  const call = async (due: number) => {
    const callId = `${runTag}-${++callNo}`;
    const queueId = load.queueIds[callNo % load.queueIds.length]!;
    await one(JSON.stringify({ event: { type: "call.arrived", callId, queueId, from: "84901234567" } }), due);
    setTimeout(() => {
      void post(load.url, load.token, JSON.stringify({ event: { type: "call.abandoned", callId } })).catch(
        () => {},
      );
    }, 200);
  };

  const started = performance.now();
  if (load.rate) {
    const pending: Promise<void>[] = [];
    const sources = statusSource(load, 0, 1, runTag);
    for (let i = 0; ; i++) {
      const due = started + (i * 1000) / load.rate;
      if (due >= end) break;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      pending.push(load.shape === "calls" ? call(due) : one(sources(), due));
    }
    await Promise.all(pending);
  } else {
    const senders = load.concurrency ?? 32;
    await Promise.all(
      Array.from({ length: senders }, async (_, w) => {
        const next = statusSource(load, w, senders, runTag);
        while (performance.now() < end) {
          if (load.shape === "calls") await call(performance.now());
          else await one(next(), performance.now());
        }
      }),
    );
  }
  const elapsed = (performance.now() - started) / 1000;
  return { acked: samples.length, sent, errors, elapsedSec: elapsed, latencyUs: summarize(samples) };
}

serve(async (command) => {
  if (command.cmd === "run") return run(command as unknown as Load);
  throw new Error(`unknown command ${command.cmd}`);
});
