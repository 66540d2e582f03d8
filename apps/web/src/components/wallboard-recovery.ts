/**
 * How an untouched screen gets itself back: counters that survive a reload (sessionStorage), and a
 * reload that only happens when the page is reachable — a reload into the browser's own "site can't
 * be reached" page would end all retrying, since that page runs none of ours.
 */

/** Render errors and failed loads retried by the wallboard's error boundary. */
export const RETRY_KEY = "callboard.wallboard.retries";
/** Reloads asked for by an incompatible core. */
export const RELOAD_KEY = "callboard.wallboard.reloads";

export function readCount(key: string): number {
  try {
    const n = Number(window.sessionStorage.getItem(key));
    return Number.isInteger(n) && n > 0 ? n : 0;
  } catch {
    return 0;
  }
}

export function writeCount(key: string, n: number): void {
  try {
    if (n === 0) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, String(n));
  } catch {
    // No storage (a locked-down kiosk): the backoff restarts after each reload, which still converges.
  }
}

/** Reloads the page once the dashboard answers for it; until then asks again every 10 s. */
export async function reloadWhenReachable(): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(window.location.href, { method: "HEAD", cache: "no-store" });
      if (res.ok) {
        window.location.reload();
        return;
      }
    } catch {
      // The dashboard is down: stay on this page, which keeps retrying.
    }
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
}
