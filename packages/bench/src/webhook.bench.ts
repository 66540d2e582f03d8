/**
 * `pnpm bench` (second part): PCC's routing webhook under PCC-like load. The real core runs as its
 * own process in stringee mode (SQLite file, group commit, fsync) against the fake PCC; requests
 * arrive open-loop at BENCH_WEBHOOK_RPS (default 200) for BENCH_WEBHOOK_SEC (default 15), each a new
 * call, and latency counts from the moment a request was due (so a stalled server cannot hide
 * behind a slow sender). Each answered call is then abandoned with a signed call event, so the
 * center stays in a steady state. Baseline, same run and load: a bare node:http server that parses
 * the request and returns a fixed version-2 answer — the floor any webhook pays here.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { callEvent, signAndPostCallEvent, startFakePcc } from "@callboard/stringee/fake";
import { ratio, table, us } from "./report.ts";
import { type Summary, summarize } from "./stats.ts";
import { ADMIN_PASSWORD } from "./table/core-process.ts";

const RPS = Number(process.env.BENCH_WEBHOOK_RPS ?? 200);
const SECONDS = Number(process.env.BENCH_WEBHOOK_SEC ?? 15);
const WARMUP_SECONDS = 2;
const TARGET_P99_MS = 20;
const AGENTS = 200;
const KEYS = { keySid: "SK_bench", keySecret: "bench-key-secret" };
const SIGNING = "bench-signing-secret";
const OPERATOR = "bench-operator-token-0123";
const CORE_PORT = 3201;
const BASELINE_PORT = 3202;
/** The core's public listener: PCC's webhooks and agents' clients (/stringee/*) are served there only. */
const PUBLIC_PORT = 3203;
const serverDir = fileURLToPath(new URL("../../../apps/server", import.meta.url));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url: string, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`${what} did not come up at ${url}`);
}

function startProcess(args: string[], env: Record<string, string>, cwd: string): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  return child;
}

const stop = (child: ChildProcess) => {
  if (child.pid) process.kill(-child.pid, "SIGTERM");
};

/** The baseline: parse the body, answer a fixed list. Everything a webhook cannot avoid, nothing else. */
const BASELINE_SOURCE = `
const http = require("node:http");
const answer = (callId) => JSON.stringify({ version: 2, calls: [{ callId, agents: [{ stringee_user_id: "a", routing_type: 1, answer_timeout: 15 }] }] });
http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    if (req.url === "/healthz") { res.end("ok"); return; }
    const body = JSON.parse(Buffer.concat(chunks).toString() || "{}");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(answer(body.calls?.[0]?.callId ?? "x"));
  });
}).listen(${BASELINE_PORT}, "127.0.0.1");
`;

interface Run {
  latencies: Summary;
  withAgents: number;
  errors: number;
}

/** Open-loop load: request i is due at start + i/RPS; its latency counts from then. */
async function load(url: string, label: string, afterAnswer?: (callId: string) => void): Promise<Run> {
  const total = Math.round(RPS * (WARMUP_SECONDS + SECONDS));
  const warmup = Math.round(RPS * WARMUP_SECONDS);
  const samples: number[] = [];
  let withAgents = 0;
  let errors = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now() + 50;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RPS;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const callId = `call-vn-1-${label}-${i}`;
    pending.push(
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          queueId: queueIds[i % queueIds.length],
          projectId: 1,
          calls: [{ callId, from: "84911111111", to: "842473000000" }],
        }),
      })
        .then(async (response) => {
          const body = (await response.json()) as { calls?: { agents: unknown[] }[] };
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          if (i >= warmup) {
            samples.push((performance.now() - due) * 1000);
            if ((body.calls?.[0]?.agents.length ?? 0) > 0) withAgents++;
          }
          afterAnswer?.(callId);
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(pending);
  return { latencies: summarize(samples), withAgents, errors };
}

// --- the center at PCC: AGENTS agents, all Available, in 4 groups; 2 queues (primary + backup group)
const pcc = await startFakePcc({ ...KEYS, projectId: 1 });
const groups = [0, 1, 2, 3].map((g) => pcc.store.addGroup(`Group ${g}`));
for (let i = 0; i < AGENTS; i++) {
  const id = pcc.store.addAgent({ stringeeUserId: `agent${i}`, manualStatus: "AVAILABLE" });
  pcc.store.addMember(groups[i % 4]!, id);
}
const queueIds = [0, 1].map((q) => {
  const id = pcc.store.addQueue({
    name: `Queue ${q}`,
    maximum_queue_size: 10_000,
    maximum_queue_wait_time: 0,
  });
  pcc.store.routeQueueToGroup(id, groups[q * 2]!, true);
  pcc.store.routeQueueToGroup(id, groups[q * 2 + 1]!, false);
  return id;
});

const dataDir = mkdtempSync(join(os.tmpdir(), "callboard-webhook-bench-"));
const core = startProcess(
  ["--import", "tsx", "src/main.ts"],
  {
    PORT: String(CORE_PORT),
    STRINGEE_PUBLIC_PORT: String(PUBLIC_PORT),
    STRINGEE_PUBLIC_HOST: "127.0.0.1",
    CALLBOARD_DATA_DIR: dataDir,
    CALLBOARD_MODE: "stringee",
    STRINGEE_API_BASE_URL: pcc.url,
    STRINGEE_API_KEY_SID: KEYS.keySid,
    STRINGEE_API_KEY_SECRET: KEYS.keySecret,
    STRINGEE_PROJECT_ID: "1",
    STRINGEE_SIGNING_SECRET: SIGNING,
    CALLBOARD_OPERATOR_TOKEN: OPERATOR,
    CALLBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    // The load generator is one caller: the per-caller webhook limit would measure itself.
    CALLBOARD_WEBHOOKS_PER_SECOND: "1000000",
    LOG_LEVEL: "warn",
  },
  serverDir,
);
const baselineServer = startProcess(["-e", BASELINE_SOURCE], {}, serverDir);
const coreUrl = `http://127.0.0.1:${CORE_PORT}`;
const publicUrl = `http://127.0.0.1:${PUBLIC_PORT}`;
try {
  await waitFor(`${coreUrl}/healthz`, "the core");
  await waitFor(`http://127.0.0.1:${BASELINE_PORT}/healthz`, "the baseline server");
  // The first sync runs at start; wait until it has brought every agent in (an admin asks: the
  // connector's status is behind sign-in).
  const signIn = await fetch(`${coreUrl}/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: coreUrl },
    body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";", 1)[0]!;
  for (let i = 0; i < 100; i++) {
    const response = await fetch(`${coreUrl}/trpc/connector.status`, { headers: { cookie } });
    if (!response.ok)
      throw new Error(`connector.status answered ${response.status}: ${await response.text()}`);
    const seq = (await response.json()) as {
      result: { data: { status?: { sync: { state: string; agents: number } } } };
    };
    if (seq.result.data.status?.sync.agents === AGENTS) break;
    await sleep(100);
  }
  // Every agent logs in on the Web client (presence), as agents' clients would.
  await Promise.all(
    Array.from({ length: AGENTS }, async (_, i) => {
      const tokenResponse = await fetch(`${publicUrl}/stringee/agent-token`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${OPERATOR}` },
        body: JSON.stringify({ agentId: `agent${i}` }),
      });
      const { token } = (await tokenResponse.json()) as { token: string };
      const presence = await fetch(`${publicUrl}/stringee/presence`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ signal: "app", online: true, ttlSec: 3600 }),
      });
      if (!presence.ok)
        throw new Error(`presence for agent${i}: HTTP ${presence.status} ${await presence.text()}`);
    }),
  );

  const abandon = (callId: string) =>
    void signAndPostCallEvent(
      `${publicUrl}/stringee/events`,
      SIGNING,
      callEvent({ callId, status: "ended", timestampMs: Date.now(), from: "84911111111", to: "x" }),
    );
  const webhook = await load(`${publicUrl}/stringee/routing`, "core", abandon);
  const baseline = await load(`http://127.0.0.1:${BASELINE_PORT}/`, "baseline");

  const ms = (x: number) => us(x / 1000);
  const row = (label: string, pick: (s: Summary) => number) => [
    label,
    ms(pick(webhook.latencies)),
    ms(pick(baseline.latencies)),
    ratio(pick(webhook.latencies), pick(baseline.latencies)),
  ];
  console.log("\nRouting webhook bench (@callboard/bench)");
  console.log(
    `load: ${RPS} requests/s open-loop for ${SECONDS} s after ${WARMUP_SECONDS} s warm-up; one new call per request to POST /stringee/routing of a core in stringee mode (own process, SQLite, ${AGENTS} agents online in 2 queues); each answered call then abandoned by a signed call event`,
  );
  console.log(
    `answers naming an agent: ${webhook.withAgents.toLocaleString("en-US")} of ${webhook.latencies.n.toLocaleString("en-US")}; failed requests: core ${webhook.errors}, baseline ${baseline.errors}\n`,
  );
  console.log(
    table(
      ["metric", "webhook", "baseline (bare node:http)", "ratio"],
      [
        ["requests (measured)", String(webhook.latencies.n), String(baseline.latencies.n), ""],
        row("latency p50 (ms)", (s) => s.p50),
        row("latency p90 (ms)", (s) => s.p90),
        row("latency p99 (ms)", (s) => s.p99),
        row("latency max (ms)", (s) => s.max),
      ],
    ),
  );
  const p99 = webhook.latencies.p99 / 1000;
  console.log(
    `\n${table(["target (issue 5)", "measured", "result"], [[`webhook p99 ≤ ${TARGET_P99_MS} ms at ${RPS} rps`, `${p99.toFixed(1)} ms`, p99 <= TARGET_P99_MS && webhook.errors === 0 ? "PASS" : "FAIL"]])}`,
  );
} finally {
  stop(core);
  stop(baselineServer);
  await pcc.close();
  await sleep(200);
  rmSync(dataDir, { recursive: true, force: true });
}
