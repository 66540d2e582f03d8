import {
  type GroupConfig,
  QUEUE_KPI_DEFAULTS,
  type QueueConfig,
  STRATEGIES,
  type Strategy,
} from "@callboard/routing";
import type { Rng } from "./prng.ts";

const QUEUE_CATALOG = [
  { name: "Sales", weight: 5 },
  { name: "Support", weight: 4 },
  { name: "Billing", weight: 2 },
  { name: "Technical", weight: 2 },
  { name: "Retention", weight: 1 },
  { name: "VIP", weight: 1 },
] as const;

/** Strategy of the i-th queue, cycling: Sales longest-idle, Support round-robin, Billing ring-all, … */
const STRATEGY_CYCLE: readonly Strategy[] = [
  "longest-idle",
  "round-robin",
  "ring-all",
  ...STRATEGIES.filter((s) => s !== "longest-idle" && s !== "round-robin" && s !== "ring-all"),
];

/** Agents in each queue's backup ("overflow") group, when that many are outside its primary group. */
const BACKUP_SIZE = { min: 4, max: 6 } as const;

/** The demo's queues hold 25 callers; a big team's queue holds one caller per two primary members. */
const MIN_QUEUE_SIZE = 25;

/** The demo's queues and groups, plus each queue's share of incoming calls (same order as `queues`). */
export interface Staffing {
  groups: GroupConfig[];
  queues: QueueConfig[];
  weights: number[];
}

/**
 * Builds the queues and their groups. Each queue has a primary group staffed in proportion to its call
 * volume (every queue gets someone, about a third of agents are in two primary groups) and, when enough
 * agents are outside it, a backup "overflow" group of 4–6 of them that is primary for no queue.
 * Settings are demo-sized rather than PCC's defaults (a queue of 5 and a 60 s wait would reject most
 * callers; the queue's size grows with its team); one queue holds backups back for 20 s and one sets agents Not available after 3 misses.
 */
export function buildStaffing(rng: Rng, ids: readonly string[], queueCount: number): Staffing {
  const catalog = Array.from(
    { length: queueCount },
    (_, i) => QUEUE_CATALOG[i] ?? { name: `Queue ${i + 1}`, weight: 1 },
  );
  const weights = catalog.map((q) => q.weight);
  const members = primaryMembers(rng, ids, weights);
  const groups: GroupConfig[] = [];
  const queues = catalog.map((entry, i): QueueConfig => {
    const slug = entry.name.toLowerCase().replaceAll(" ", "-");
    const primary = [...(members[i] ?? [])].sort();
    groups.push({ id: `group-${slug}`, name: `${entry.name} team`, members: primary });
    const links = [{ groupId: `group-${slug}`, primary: true }];
    const outside = rng.shuffle(ids.filter((id) => !primary.includes(id)));
    const backup = outside.slice(0, rng.int(BACKUP_SIZE.min, BACKUP_SIZE.max)).sort();
    if (backup.length > 0) {
      groups.push({ id: `group-${slug}-overflow`, name: `${entry.name} overflow`, members: backup });
      links.push({ groupId: `group-${slug}-overflow`, primary: false });
    }
    return {
      id: `queue-${slug}`,
      name: entry.name,
      groups: links,
      strategy: STRATEGY_CYCLE[i % STRATEGY_CYCLE.length] ?? "longest-idle",
      waitAgentAnswerTimeout: 15,
      agentWrapUpAfterCalls: true,
      wrapUpTimeLimit: rng.int(10, 20),
      maximumQueueSize: Math.max(MIN_QUEUE_SIZE, Math.ceil(primary.length / 2)),
      maximumQueueWaitTime: 240,
      routeToBackupAfterSec: i === Math.min(1, queueCount - 1) ? 20 : null,
      maxConsecutiveMisses: i === 0 ? 3 : null,
      schedule: { kind: "always" },
      randomSeed: rng.int(1, 2 ** 31 - 1),
      ...QUEUE_KPI_DEFAULTS,
    };
  });
  return { groups, queues, weights };
}

/** Each queue's primary agents: staffing follows `weights`, and every third agent joins a second queue. */
function primaryMembers(rng: Rng, ids: readonly string[], weights: number[]): Set<string>[] {
  const queueCount = weights.length;
  const staffing = apportion(ids.length, weights);
  const members = weights.map(() => new Set<string>());
  let q = 0;
  rng.shuffle(ids).forEach((id, i) => {
    while (q < staffing.length - 1 && (staffing[q] ?? 0) <= 0) q++;
    staffing[q] = (staffing[q] ?? 0) - 1;
    members[q]?.add(id);
    if (queueCount > 1 && i % 3 === 0) {
      let second = rng.weighted(weights);
      if (second === q) second = (q + 1 + rng.int(0, queueCount - 2)) % queueCount;
      members[second]?.add(id);
    }
  });
  return members;
}

/** Splits `total` in proportion to `weights` (largest remainder), every share at least one when possible. */
function apportion(total: number, weights: readonly number[]): number[] {
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
