/**
 * The fan-out baseline: a bare `ws` server that, on schedule, stamps a batch with the time, encodes
 * it once and loop-sends the same string to every connected socket — the floor any broadcast of
 * those bytes pays, with no rooms, no protocol and no coalescing. Runs on the core's side of the
 * machine (it stands in for the core), and reports the CPU time it spent sending.
 */
import { WebSocketServer } from "ws";
import { serve } from "../child.ts";

const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
const ready = new Promise<void>((resolve) => server.once("listening", () => resolve()));

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** A batch of `events` events of about `bytes` in all, each stamped `at` now (the core's `at`). */
function batch(seq: number, events: number, bytes: number): string {
  const at = Date.now();
  const pad = "x".repeat(Math.max(0, Math.round(bytes / Math.max(1, events)) - 40));
  return JSON.stringify({
    fromSeq: seq,
    toSeq: seq + events - 1,
    events: Array.from({ length: events }, () => ({ at, pad })),
  });
}

serve(async (command) => {
  await ready;
  switch (command.cmd) {
    case "address":
      return { url: `ws://127.0.0.1:${(server.address() as { port: number }).port}` };
    case "broadcast": {
      const { batchesPerSec, eventsPerBatch, bytesPerBatch, seconds } = command as unknown as {
        batchesPerSec: number;
        eventsPerBatch: number;
        bytesPerBatch: number;
        seconds: number;
      };
      const cpuBefore = cpuSeconds();
      const started = performance.now();
      let seq = 1;
      for (let i = 0; ; i++) {
        const due = started + (i * 1000) / batchesPerSec;
        if (due >= started + seconds * 1000) break;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        const data = batch(seq, eventsPerBatch, bytesPerBatch);
        seq += eventsPerBatch;
        for (const client of server.clients) client.send(data);
      }
      // Let the last sends drain before reading the CPU they cost.
      await new Promise((r) => setTimeout(r, 500));
      return { cpuSeconds: cpuSeconds() - cpuBefore, sockets: server.clients.size };
    }
    default:
      throw new Error(`unknown command ${command.cmd}`);
  }
});
