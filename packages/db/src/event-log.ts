import { asc, desc, eq, gt, sql } from "drizzle-orm";
import type { CallboardDb } from "./client.ts";
import { type EventRow, events } from "./schema.ts";

/** The envelope every logged event has; the rest of it is stored as JSON. */
export interface LoggableEvent {
  seq: number;
  at: number;
  type: string;
}

export interface AppendRow<E extends LoggableEvent> {
  event: E;
  idempotencyKey: string | null;
  agentId: string | null;
  callId: string | null;
}

/**
 * Append and read the ordered log with statements prepared once. The log knows envelopes only, not
 * the domain, so the schema can outlive any event type.
 */
export function createEventLog<E extends LoggableEvent>(db: CallboardDb) {
  const insert = db
    .insert(events)
    .values({
      seq: sql.placeholder("seq"),
      at: sql.placeholder("at"),
      type: sql.placeholder("type"),
      data: sql.placeholder("data"),
      idempotencyKey: sql.placeholder("idempotencyKey"),
      agentId: sql.placeholder("agentId"),
      callId: sql.placeholder("callId"),
    })
    .prepare();
  const byKey = db
    .select({ seq: events.seq })
    .from(events)
    .where(eq(events.idempotencyKey, sql.placeholder("key")))
    .prepare();
  const after = db
    .select()
    .from(events)
    .where(gt(events.seq, sql.placeholder("seq")))
    .orderBy(asc(events.seq))
    .limit(sql.placeholder("limit"))
    .prepare();
  const last = db.select({ seq: events.seq }).from(events).orderBy(desc(events.seq)).limit(1).prepare();

  const appendAll = db.$client.transaction((rows: AppendRow<E>[]) => {
    for (const { event, idempotencyKey, agentId, callId } of rows) {
      const { seq, at, type, ...rest } = event;
      insert.run({ seq, at, type, data: JSON.stringify(rest), idempotencyKey, agentId, callId });
    }
  });

  const toEvent = (row: EventRow): E => ({
    ...JSON.parse(row.data),
    seq: row.seq,
    at: row.at,
    type: row.type,
  });

  return {
    /** Appends rows in one transaction (a group commit): all are durable when this returns, or none. */
    append(rows: AppendRow<E>[]): void {
      if (rows.length > 0) appendAll.immediate(rows);
    },
    /** The seq of the event first submitted with this key, if any. */
    seqForKey(key: string): number | null {
      return byKey.get({ key })?.seq ?? null;
    },
    /** Up to `limit` events after `seq`, in order. */
    readAfter(seq: number, limit: number): E[] {
      return after.all({ seq, limit }).map(toEvent);
    },
    /** Every event after `seq`, read in pages so a long log never sits in memory twice. */
    *readAllAfter(seq: number, pageSize = 10_000): Generator<E> {
      let from = seq;
      for (;;) {
        const page = after.all({ seq: from, limit: pageSize });
        for (const row of page) yield toEvent(row);
        const tail = page.at(-1);
        if (!tail || page.length < pageSize) return;
        from = tail.seq;
      }
    },
    lastSeq(): number {
      return last.get()?.seq ?? 0;
    },
  };
}

export type EventLog<E extends LoggableEvent> = ReturnType<typeof createEventLog<E>>;
