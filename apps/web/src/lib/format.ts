/** "45s", "4m 05s", "1h 03m": compact enough for a table cell, exact enough for a supervisor. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}

/** hh:mm:ss in the viewer's local time. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}

/** yyyy-mm-dd hh:mm:ss in the viewer's local time, for records older than today. */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  const date = [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    .map((n) => String(n).padStart(2, "0"))
    .join("-");
  return `${date} ${formatClock(epochMs)}`;
}

/**
 * A duration counted up to `now`; while the board is stale `now` is frozen at the last data, so the
 * true figure is at least this: "≥ 1m 03s".
 */
export function formatElapsed(ms: number, frozen: boolean): string {
  return frozen ? `≥ ${formatDuration(ms)}` : formatDuration(ms);
}

/** A countdown to a deadline; while stale it may already have run down further: "≤ 12s". */
export function formatLeft(ms: number, frozen: boolean): string {
  return frozen ? `≤ ${formatDuration(ms)}` : formatDuration(ms);
}

/** 0.823 → "82%"; null (nothing counted yet) → "—". */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? "—" : `${Math.round(ratio * 100)}%`;
}

/** Seconds as a figure (ASA, AHT): 12.4 → "12s", 75 → "1m 15s"; null → "—". */
export function formatSeconds(sec: number | null): string {
  return sec === null ? "—" : formatDuration(Math.round(sec) * 1000);
}
