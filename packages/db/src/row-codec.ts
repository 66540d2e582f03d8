import { createHash } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { CallboardDb } from "./client.ts";
import { decodeCompact, encodeCompact, MAX_DICTIONARY } from "./compact-body.ts";
import type { EventRow } from "./schema.ts";

/**
 * Events whose JSON is longer than this (characters) are stored deflated in `packed`: in practice a
 * decision's candidate table, while short events stay readable in SQL.
 */
export const PACK_ABOVE = 1_024;

/** The stored columns of an event's body (everything but seq and at). */
export type EncodedRow = Pick<EventRow, "type" | "data" | "packed" | "shared" | "dictionary">;

export interface RowCodecOptions {
  /**
   * The writer's deflate dictionary (typical event bodies, at most 1 KB): given, every body
   * is written in the compact form (compact-body.ts), the dictionary stored once in shared_values
   * and named by the row. Absent, bodies are written as plain or deflated JSON.
   */
  dictionary?: string | undefined;
}

/**
 * An event body's stored forms, all read back alike: plain JSON (`data`); deflated JSON (`packed`,
 * for long events); the compact form (`packed` with `dictionary`: integer arrays as varints, then
 * deflate primed with the dictionary, for events of any length); and any of those with one
 * repeating value taken out (`shared`: its path; the body holds the `shared_values` id there).
 * A compact row's `type` is the `shared_values` id of the type's name (~20 bytes a row less).
 * Rows written before a form existed read as they always did: the log's format is per row, so an
 * old log needs no migration.
 */
export function createRowCodec(db: CallboardDb, { dictionary }: RowCodecOptions = {}) {
  if (dictionary !== undefined && Buffer.byteLength(dictionary) > MAX_DICTIONARY)
    throw new Error(`a log dictionary holds at most ${MAX_DICTIONARY} bytes`);
  const sqlite = db.$client;
  const findShared = sqlite.prepare<[string], { id: number }>("SELECT id FROM shared_values WHERE hash = ?");
  const insertShared = sqlite.prepare<[string, string]>(
    "INSERT INTO shared_values (hash, value) VALUES (?, ?)",
  );
  const readShared = sqlite.prepare<[number], { value: string }>(
    "SELECT value FROM shared_values WHERE id = ?",
  );
  // Few distinct values (a roster per queue and membership change): kept for the process's life.
  const idOfHash = new Map<string, number>();
  const valueOfId = new Map<number, unknown>();
  const dictionaryOfId = new Map<number, Buffer>();
  const dictionaryBytes = dictionary === undefined ? null : Buffer.from(dictionary);
  const dictionaryJson = JSON.stringify(dictionary);

  /** The id of `json` in shared_values, stored now if new (inside the caller's transaction). */
  function sharedId(json: string): number {
    const hash = createHash("sha256").update(json).digest("base64");
    let id = idOfHash.get(hash);
    if (id === undefined) {
      id = findShared.get(hash)?.id ?? Number(insertShared.run(hash, json).lastInsertRowid);
      idOfHash.set(hash, id);
    }
    return id;
  }

  function sharedValue(id: number): unknown {
    let value = valueOfId.get(id);
    if (value === undefined) {
      const row = readShared.get(id);
      if (!row) throw new Error(`the log refers to shared value ${id}, which is not stored`);
      // Frozen: every event decoded with it holds the same object.
      value = Object.freeze(JSON.parse(row.value));
      valueOfId.set(id, value);
    }
    return value;
  }

  function dictionaryOf(id: number): Buffer {
    let bytes = dictionaryOfId.get(id);
    if (bytes === undefined) {
      bytes = Buffer.from(sharedValue(id) as string);
      dictionaryOfId.set(id, bytes);
    }
    return bytes;
  }

  return {
    /** After a rolled-back append: ids learnt since may not exist, so they are looked up again. */
    forgetUncommitted(): void {
      idOfHash.clear();
    },
    /**
     * Stores an event of `type` whose body is `body`, with the value at `path` (if any) taken out.
     * Call inside the append's transaction: it may insert into shared_values. `body` itself is
     * never modified.
     */
    encode(type: string, body: Record<string, unknown>, path: readonly string[] | undefined): EncodedRow {
      let stored: unknown = body;
      let shared: string | null = null;
      const value = path ? at(body, path) : undefined;
      if (path && value !== undefined) {
        stored = replaced(body, path, sharedId(JSON.stringify(value)));
        shared = path.join(".");
      }
      const json = JSON.stringify(stored);
      if (dictionaryBytes) {
        const packed = encodeCompact(stored as Record<string, unknown>, dictionaryBytes);
        // A body too short to gain (`{"callId":"c3044"}`) stays plain JSON.
        if (packed.length < json.length) {
          const code = String(sharedId(JSON.stringify(type)));
          return { type: code, data: "", packed, shared, dictionary: sharedId(dictionaryJson) };
        }
      }
      const packed = json.length > PACK_ABOVE ? deflateRawSync(json) : null;
      return { type, data: packed ? "" : json, packed, shared, dictionary: null };
    },
    /** The event type of a stored row. */
    typeOf(row: Pick<EncodedRow, "type" | "dictionary">): string {
      return row.dictionary === null ? row.type : (sharedValue(Number(row.type)) as string);
    },
    /**
     * What a compact row of `type` holds in its `type` column, for queries by type; null when no
     * compact row of that type was ever written (reads nothing, writes nothing).
     */
    typeCode(type: string): string | null {
      const json = JSON.stringify(type);
      const hash = createHash("sha256").update(json).digest("base64");
      const id = idOfHash.get(hash) ?? findShared.get(hash)?.id;
      return id === undefined ? null : String(id);
    },
    /** The body as it was appended. */
    decode(row: Omit<EncodedRow, "type">): Record<string, unknown> {
      const body =
        row.dictionary !== null && row.packed
          ? decodeCompact(row.packed, dictionaryOf(row.dictionary))
          : JSON.parse(row.packed ? inflateRawSync(row.packed).toString("utf8") : row.data);
      if (row.shared) {
        const path = row.shared.split(".");
        return replaced(body, path, sharedValue(at(body, path) as number)) as Record<string, unknown>;
      }
      return body;
    },
  };
}

export type RowCodec = ReturnType<typeof createRowCodec>;

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== "object" || v === null || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A copy of `value` with `path` set to `to`, copying only the objects along the path. */
function replaced(value: unknown, path: readonly string[], to: unknown): unknown {
  if (path.length === 0) return to;
  const [key, ...rest] = path as [string, ...string[]];
  const object = value as Record<string, unknown>;
  return { ...object, [key]: replaced(object[key], rest, to) };
}
