import {
  type AgentProfile,
  DEFAULT_ANSWER_TIMEOUT_SEC,
  type ManualStatus,
  type QueueConfig,
  RoutingType,
} from "@callboard/routing";
import { vietnameseNames } from "./names.ts";
import type { Rng } from "./prng.ts";

/** How an agent is connected: decides which presence signals it has when logged in (PCC's three). */
export const Device = {
  /** Web client only: offline the moment the tab logs out. */
  WEB: "web",
  /** Web client plus a desk SIP phone. */
  DESK: "desk",
  /** Mobile app: app login plus a push token that keeps it online when the app is closed. */
  MOBILE: "mobile",
  /** A SIP phone only. */
  SIP: "sip",
  /** Push token only (app closed, still reachable). */
  PUSH: "push",
} as const;
export type Device = (typeof Device)[keyof typeof Device];

/** The presence signals each device raises when the agent is logged in. */
export const DEVICE_SIGNALS: Record<Device, { app: boolean; sip: boolean; push: boolean }> = {
  web: { app: true, sip: false, push: false },
  desk: { app: true, sip: true, push: false },
  mobile: { app: true, sip: false, push: true },
  sip: { app: false, sip: true, push: false },
  push: { app: false, sip: false, push: true },
};

/** Where an agent starts the demo: logged in and Available, not logged in yet, or in a manual status. */
export type StartMode = "AVAILABLE" | "OFFLINE" | Exclude<ManualStatus, "AVAILABLE" | "ACW">;

/** One simulated agent: what the center is told (profile) and what only the simulator knows. */
export interface RosterAgent {
  profile: AgentProfile;
  device: Device;
  start: StartMode;
}

/** The simulated center: agents, queues, and each queue's share of incoming calls. */
export interface Roster {
  agents: RosterAgent[];
  queues: QueueConfig[];
  /** Relative call volume per queue, same order as `queues`. */
  queueWeights: number[];
}

const QUEUE_CATALOG = [
  { name: "Sales", weight: 5 },
  { name: "Support", weight: 4 },
  { name: "Billing", weight: 2 },
  { name: "Technical", weight: 2 },
  { name: "Retention", weight: 1 },
  { name: "VIP", weight: 1 },
] as const;

const DEVICES: readonly Device[] = ["web", "desk", "mobile", "sip", "push"];
const DEVICE_WEIGHTS = [35, 25, 20, 10, 10];

/**
 * Builds the demo center from a seeded rng: ids "agent-01"…, mostly routing type 1 with a few type 2
 * (one or two of them without a phone number so the board can show NO_PHONE_NUMBER), queues whose
 * staffing follows their call volume with about a third of agents in a second queue.
 */
export function buildRoster(rng: Rng, agentCount: number, queueCount: number): Roster {
  const width = Math.max(2, String(agentCount).length);
  const ids = Array.from({ length: agentCount }, (_, i) => `agent-${String(i + 1).padStart(width, "0")}`);
  const names = vietnameseNames(rng, agentCount);

  const phoneCount = agentCount >= 5 ? Math.max(2, Math.round(agentCount / 10)) : 0;
  const noPhoneCount = phoneCount >= 4 ? 2 : phoneCount >= 2 ? 1 : 0;
  const phoneOrder = rng.shuffle(ids);
  const phoneAgents = new Set(phoneOrder.slice(0, phoneCount));
  const noPhone = new Set(phoneOrder.slice(0, noPhoneCount));
  const starts = startModes(rng, ids, phoneAgents, noPhone);

  const agents = ids.map((id, i): RosterAgent => {
    const type2 = phoneAgents.has(id);
    return {
      profile: {
        id,
        name: names[i] ?? id,
        routingType: type2 ? RoutingType.PHONE : RoutingType.APP,
        phoneNumber: type2 && !noPhone.has(id) ? `849${rng.digits(8)}` : null,
      },
      device: type2 ? Device.WEB : (DEVICES[rng.weighted(DEVICE_WEIGHTS)] ?? Device.WEB),
      start: starts.get(id) ?? "AVAILABLE",
    };
  });
  const { queues, weights } = buildQueues(rng, ids, queueCount);
  return { agents, queues, queueWeights: weights };
}

/** A few agents start on a break, not logged in yet, Not available or Invisible; the rest Available. */
function startModes(
  rng: Rng,
  ids: string[],
  phoneAgents: Set<string>,
  noPhone: Set<string>,
): Map<string, StartMode> {
  const n = ids.length;
  const modes = new Map<string, StartMode>();
  // Phone-routed agents ring whether logged in or not, so "not logged in yet" only shows on type 1.
  const appAgents = rng.shuffle(ids.filter((id) => !phoneAgents.has(id)));
  for (const id of appAgents.slice(0, Math.round(n * 0.05))) modes.set(id, "OFFLINE");
  // The agents without a phone number stay Available so the board shows NO_PHONE_NUMBER alone.
  const others = rng.shuffle(ids.filter((id) => !modes.has(id) && !noPhone.has(id)));
  const plan: [StartMode, number][] = [
    ["SHORT_BREAK", Math.round(n * 0.05)],
    ["LUNCH_BREAK", Math.round(n * 0.025)],
    ["NOT_AVAILABLE", Math.round(n * 0.03)],
    ["INVISIBLE", Math.round(n * 0.025)],
  ];
  let next = 0;
  for (const [mode, count] of plan) {
    for (const id of others.slice(next, next + count)) modes.set(id, mode);
    next += count;
  }
  return modes;
}

/** Queues staffed in proportion to their volume (each at least one member), a third of agents in two. */
function buildQueues(
  rng: Rng,
  ids: string[],
  queueCount: number,
): { queues: QueueConfig[]; weights: number[] } {
  const catalog = Array.from(
    { length: queueCount },
    (_, i) => QUEUE_CATALOG[i] ?? { name: `Queue ${i + 1}`, weight: 1 },
  );
  const weights = catalog.map((q) => q.weight);
  const staffing = apportion(ids.length, weights);
  const members = catalog.map(() => new Set<string>());
  const order = rng.shuffle(ids);
  let q = 0;
  order.forEach((id, i) => {
    while (q < staffing.length - 1 && (staffing[q] ?? 0) <= 0) q++;
    staffing[q] = (staffing[q] ?? 0) - 1;
    members[q]?.add(id);
    if (queueCount > 1 && i % 3 === 0) {
      let second = rng.weighted(weights);
      if (second === q) second = (q + 1 + rng.int(0, queueCount - 2)) % queueCount;
      members[second]?.add(id);
    }
  });
  const queues = catalog.map(
    (entry, i): QueueConfig => ({
      id: `queue-${entry.name.toLowerCase().replaceAll(" ", "-")}`,
      name: entry.name,
      members: [...(members[i] ?? [])].sort(),
      answerTimeoutSec: DEFAULT_ANSWER_TIMEOUT_SEC,
    }),
  );
  return { queues, weights };
}

/** Splits `total` in proportion to `weights` (largest remainder), giving every share at least one when possible. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  const byRemainder = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
  }
  for (let i = 0; i < shares.length && total >= shares.length; i++) {
    if (shares[i] !== 0) continue;
    const richest = shares.indexOf(Math.max(...shares));
    shares[richest] = (shares[richest] ?? 0) - 1;
    shares[i] = 1;
  }
  return shares;
}
