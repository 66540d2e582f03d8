import { getTableColumns } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { CallboardDb } from "./client.ts";
import { historyAgentBuckets, historyQueueBuckets, historyState } from "./schema.ts";

/**
 * The history read model's storage: buckets of counters that only ever grow by deltas, and the
 * seq they hold. The store knows columns, not KPIs: the server passes counters in the order named
 * here (it checks that order against packages/kpi's at compile time).
 */
export const HISTORY_QUEUE_COUNTERS = [
  "arrived",
  "offered",
  "answered",
  "answeredInSl",
  "answeredUnknownWait",
  "abandoned",
  "shortAbandoned",
  "timedOut",
  "rejected",
  "closed",
  "waitMs",
  "handled",
  "handleMs",
  "busyMs",
  "staffedMs",
  "talkMs",
  "slNumerator",
  "slDenominator",
] as const satisfies readonly (keyof typeof historyQueueBuckets.$inferSelect)[];

export const HISTORY_AGENT_COUNTERS = [
  "answered",
  "handled",
  "talkMs",
  "handleMs",
  "canRingMs",
  "onCallMs",
  "wrapUpMs",
  "awayMs",
  "offlineMs",
] as const satisfies readonly (keyof typeof historyAgentBuckets.$inferSelect)[];

/** A bucket's counters, in the order of HISTORY_QUEUE_COUNTERS or HISTORY_AGENT_COUNTERS. */
export interface StoredBucket {
  id: string;
  bucket: number;
  values: ArrayLike<number>;
}

export interface HistoryPosition {
  seq: number;
  version: number;
}

function columnNames(
  table: typeof historyQueueBuckets | typeof historyAgentBuckets,
  keys: readonly string[],
): string[] {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  return keys.map((k) => columns[k]!.name);
}

/** INSERT … ON CONFLICT DO UPDATE SET c = c + excluded.c: a delta added to the bucket, made if new. */
function upsertSql(table: string, key: string, columns: string[]): string {
  const list = [`\`${key}\``, "`bucket`", ...columns.map((c) => `\`${c}\``)].join(", ");
  const params = Array(columns.length + 2)
    .fill("?")
    .join(", ");
  const adds = columns.map((c) => `\`${c}\` = \`${c}\` + excluded.\`${c}\``).join(", ");
  return `INSERT INTO \`${table}\` (${list}) VALUES (${params}) ON CONFLICT (\`${key}\`, \`bucket\`) DO UPDATE SET ${adds}`;
}

function rangeSql(table: string, key: string, columns: string[]): string {
  return `SELECT \`bucket\`, ${columns.map((c) => `\`${c}\``).join(", ")} FROM \`${table}\` WHERE \`${key}\` = ? AND \`bucket\` >= ? AND \`bucket\` < ? ORDER BY \`bucket\``;
}

/**
 * Opens the read model's statements on `db`. The server gives it its own connection with
 * synchronous=NORMAL: the buckets are derived, so a commit lost to a power cut is replayed from
 * the log at the next boot instead of costing the log's writer a second sync per group commit.
 */
export function createHistoryStore(db: CallboardDb) {
  const client = db.$client;
  const queueColumns = columnNames(historyQueueBuckets, HISTORY_QUEUE_COUNTERS);
  const agentColumns = columnNames(historyAgentBuckets, HISTORY_AGENT_COUNTERS);
  const upsertQueue = client.prepare(upsertSql("history_queue_buckets", "queue_id", queueColumns));
  const upsertAgent = client.prepare(upsertSql("history_agent_buckets", "agent_id", agentColumns));
  const readQueue = client.prepare(rangeSql("history_queue_buckets", "queue_id", queueColumns)).raw();
  const readAgent = client.prepare(rangeSql("history_agent_buckets", "agent_id", agentColumns)).raw();
  const sumAgents = client
    .prepare(
      `SELECT \`agent_id\`, ${agentColumns.map((c) => `SUM(\`${c}\`)`).join(", ")} FROM \`history_agent_buckets\` ` +
        "WHERE `agent_id` IN (SELECT `value` FROM json_each(?)) AND `bucket` >= ? AND `bucket` < ? GROUP BY `agent_id`",
    )
    .raw();
  const readPosition = client.prepare("SELECT `seq`, `version` FROM `history_state` WHERE `id` = 1");
  const setPosition = client.prepare(
    "INSERT INTO `history_state` (`id`, `seq`, `version`) VALUES (1, ?, ?) ON CONFLICT (`id`) DO UPDATE SET `seq` = excluded.`seq`, `version` = excluded.`version`",
  );

  const write = client.transaction(
    (queues: readonly StoredBucket[], agents: readonly StoredBucket[], position: HistoryPosition) => {
      for (const { id, bucket, values } of queues) upsertQueue.run(id, bucket, ...Array.from(values));
      for (const { id, bucket, values } of agents) upsertAgent.run(id, bucket, ...Array.from(values));
      setPosition.run(position.seq, position.version);
    },
  );
  const clear = client.transaction((version: number) => {
    db.delete(historyQueueBuckets).run();
    db.delete(historyAgentBuckets).run();
    db.delete(historyState).run();
    setPosition.run(0, version);
  });

  const rows = (raw: unknown[][], id: string): StoredBucket[] =>
    raw.map((r) => ({ id, bucket: r[0] as number, values: r.slice(1) as number[] }));

  return {
    /** Where the stored buckets stand; null before the read model was ever written. */
    position(): HistoryPosition | null {
      return (readPosition.get() as HistoryPosition | undefined) ?? null;
    },
    /** Adds the deltas and moves the position to `position`, in one transaction: all or nothing. */
    write(queues: readonly StoredBucket[], agents: readonly StoredBucket[], position: HistoryPosition): void {
      write(queues, agents, position);
    },
    /** Drops every bucket (a rebuild follows): position 0 of `version`. */
    clear(version: number): void {
      clear(version);
    },
    /** A queue's buckets starting in [from, to), oldest first. */
    queueBuckets(queueId: string, from: number, to: number): StoredBucket[] {
      return rows(readQueue.all(queueId, from, to) as unknown[][], queueId);
    },
    /** Each agent's buckets starting in [from, to) summed into one (bucket = from); agents with none are left out. */
    agentTotals(agentIds: readonly string[], from: number, to: number): StoredBucket[] {
      return (sumAgents.all(JSON.stringify(agentIds), from, to) as unknown[][]).map((r) => ({
        id: r[0] as string,
        bucket: from,
        values: r.slice(1) as number[],
      }));
    },
    /** An agent's buckets starting in [from, to), oldest first. */
    agentBuckets(agentId: string, from: number, to: number): StoredBucket[] {
      return rows(readAgent.all(agentId, from, to) as unknown[][], agentId);
    },
  };
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
