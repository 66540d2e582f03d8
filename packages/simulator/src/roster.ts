import {
  type AgentProfile,
  AVAILABLE,
  type GroupConfig,
  type ManualStatus,
  type QueueConfig,
  RoutingType,
} from "@callboard/routing";
import { vietnameseNames } from "./names.ts";
import type { Rng } from "./prng.ts";
import { buildStaffing } from "./queues.ts";

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

/** The simulated center: agents, groups, queues, and each queue's share of incoming calls. */
export interface Roster {
  agents: RosterAgent[];
  groups: GroupConfig[];
  queues: QueueConfig[];
  /** Relative call volume per queue, same order as `queues`. */
  queueWeights: number[];
}

const DEVICES: readonly Device[] = ["web", "desk", "mobile", "sip", "push"];
const DEVICE_WEIGHTS = [35, 25, 20, 10, 10];

/**
 * Builds the demo center from a seeded rng: ids "agent-01"…, mostly routing type 1 with a few type 2
 * (one or two of them without a phone number so the board can show NO_PHONE_NUMBER), and queues with
 * primary and backup groups (see buildStaffing).
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
      start: starts.get(id) ?? AVAILABLE,
    };
  });
  const { groups, queues, weights } = buildStaffing(rng, ids, queueCount);
  return { agents, groups, queues, queueWeights: weights };
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
