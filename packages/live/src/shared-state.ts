type Container = Record<string, unknown> | unknown[];

/**
 * An immutable copy of `live` (whose containers the reducer mutates in place) that reuses `previous`'s
 * containers wherever none of their records changed. Records are replaced on change, never mutated,
 * so after this every part of the result compares by identity: a new `agents` object means an agent
 * changed, the same one means none did. Costs one identity check per record.
 *
 * @example
 * const next = shareUnchanged(view.state, live); // next.queues === view.state.queues if no queue changed
 */
export function shareUnchanged<S extends object>(previous: S | null, live: S): S {
  const next: Record<string, unknown> = {};
  let changed = previous === null;
  for (const [key, value] of Object.entries(live)) {
    const before = previous ? (previous as unknown as Record<string, unknown>)[key] : undefined;
    const after = isContainer(value) ? reuse(before, value) : value;
    next[key] = after;
    if (after !== before) changed = true;
  }
  return changed || !previous ? (next as S) : previous;
}

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

function reuse(before: unknown, live: Container): Container {
  if (Array.isArray(live)) {
    const same =
      Array.isArray(before) && before.length === live.length && live.every((item, i) => item === before[i]);
    return same ? before : [...live];
  }
  if (!isContainer(before) || Array.isArray(before)) return { ...live };
  let count = 0;
  for (const key in live) {
    if (!Object.hasOwn(live, key)) continue;
    count++;
    if (!Object.hasOwn(before, key) || before[key] !== live[key]) return { ...live };
  }
  return count === Object.keys(before).length ? before : { ...live };
}
