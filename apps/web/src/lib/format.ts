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
