import { deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * The log's compact body form: any JSON object as a deflated byte string, smaller than its JSON
 * for short events and long ones alike, without knowing any event type.
 *
 *   deflate( JSON skeleton · 0x00 · integer arrays )   with a preset dictionary
 *
 * - **Integer arrays** of at least MIN_ARRAY safe integers (a decision's packed facts, ranked
 *   positions, strategy keys) leave the JSON: the skeleton holds `0` in their place and lists their
 *   paths, and each is written as its length and the zig-zag varints of its successive differences
 *   (sorted keys and runs of equal facts become runs of tiny bytes, which deflate then folds).
 * - **The dictionary** (the writer's: typical events, so their keys and common values) primes
 *   deflate, so even a 40-byte status change compresses (~45 → ~12 bytes).
 * - **A small window** (1 KB: the dictionary must fit in it) keeps compressing and inflating a
 *   short body cheap (zlib's set-up dominates short bodies); long bodies use the full window.
 *
 * The skeleton is `[paths, body]` (a path: the keys from the body's root to an array), or just the
 * body's JSON when it has no such array. The first byte, outside the deflated bytes, says which,
 * and which window: a reader never guesses.
 */

/** Arrays shorter than this stay in the JSON: varints would save too little to pay for a path. */
const MIN_ARRAY = 8;
/** |value| and |difference| stay below 2^51, so the zig-zag of a difference (×2) is still exact. */
const LIMIT = 2 ** 50;
/** Bodies whose JSON is at most this long use the small window (the dictionary must fit in it). */
export const SMALL_BODY = 1_024;
/** Window bits: 2^10 = 1 KB for short bodies, 2^15 for long ones. */
const SMALL_WINDOW = 10;
const LARGE_WINDOW = 15;
/** The first byte of a compact body: 1 + LARGE if deflated with the full window, + ARRAYS if it has a skeleton. */
const TAG = 1;
const LARGE = 1;
const ARRAYS = 2;
/** The longest dictionary a small window can hold. */
export const MAX_DICTIONARY = 2 ** SMALL_WINDOW;

type Path = string[];

function integerArray(value: unknown): value is number[] {
  if (!Array.isArray(value) || value.length < MIN_ARRAY) return false;
  let previous = 0;
  for (const v of value) {
    if (!Number.isSafeInteger(v) || Math.abs(v) >= LIMIT || Math.abs(v - previous) >= LIMIT) return false;
    previous = v;
  }
  return true;
}

/** The body with its integer arrays replaced by 0, and those arrays in the order of `paths`. */
function takeArrays(value: unknown, path: Path, paths: Path[], arrays: number[][]): unknown {
  if (integerArray(value)) {
    paths.push(path);
    arrays.push(value);
    return 0;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  // fromEntries defines each key, so a key named __proto__ stays a key.
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, takeArrays(v, [...path, key], paths, arrays)]),
  );
}

function writeVarint(out: number[], n: number): void {
  let u = n;
  while (u >= 128) {
    out.push((u % 128) | 128);
    u = Math.floor(u / 128);
  }
  out.push(u);
}

function writeArray(out: number[], values: readonly number[]): void {
  writeVarint(out, values.length);
  let previous = 0;
  for (const v of values) {
    const d = v - previous;
    previous = v;
    writeVarint(out, d < 0 ? -2 * d - 1 : 2 * d);
  }
}

export function encodeCompact(body: Record<string, unknown>, dictionary: Buffer): Buffer {
  const paths: Path[] = [];
  const arrays: number[][] = [];
  const skeleton = takeArrays(body, [], paths, arrays);
  let raw: Buffer;
  if (arrays.length === 0) raw = Buffer.from(JSON.stringify(body));
  else {
    const numbers: number[] = [];
    for (const values of arrays) writeArray(numbers, values);
    raw = Buffer.concat([
      Buffer.from(JSON.stringify([paths, skeleton])),
      Buffer.from([0]),
      Buffer.from(numbers),
    ]);
  }
  const small = raw.length <= SMALL_BODY && dictionary.length <= MAX_DICTIONARY;
  const deflated = deflateRawSync(
    raw,
    small ? { dictionary, windowBits: SMALL_WINDOW, memLevel: 1, level: 9 } : { dictionary },
  );
  const tag = TAG + (small ? 0 : LARGE) + (arrays.length > 0 ? ARRAYS : 0);
  return Buffer.concat([Buffer.from([tag]), deflated]);
}

export function decodeCompact(stored: Buffer, dictionary: Buffer): Record<string, unknown> {
  const flags = (stored[0] ?? 0) - TAG;
  if (flags < 0 || flags > (LARGE | ARRAYS)) throw new Error(`unknown compact body form ${stored[0]}`);
  const raw = inflateRawSync(stored.subarray(1), {
    dictionary,
    windowBits: flags & LARGE ? LARGE_WINDOW : SMALL_WINDOW,
  });
  if (!(flags & ARRAYS)) return JSON.parse(raw.toString("utf8"));
  const end = raw.indexOf(0);
  const [paths, body] = JSON.parse(raw.toString("utf8", 0, end)) as [Path[], Record<string, unknown>];
  let at = end + 1;
  const readVarint = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const byte = raw[at++]!;
      n += (byte & 127) * scale;
      if (byte < 128) return n;
      scale *= 128;
    }
  };
  for (const path of paths) {
    const values = new Array<number>(readVarint());
    let previous = 0;
    for (let i = 0; i < values.length; i++) {
      const u = readVarint();
      previous += u % 2 === 1 ? -(u + 1) / 2 : u / 2;
      values[i] = previous;
    }
    let target: Record<string, unknown> = body;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[path.at(-1)!] = values;
  }
  return body;
}
