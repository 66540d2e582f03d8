"use client";

import { useEffect, useState } from "react";

/**
 * Runs `retry` after `delayMs` by itself (nobody may be there to click), and counts down the whole
 * seconds left so the page can say when. Restarts when the delay changes.
 */
export function useSelfRetry(delayMs: number, retry: () => void): number {
  const [left, setLeft] = useState(Math.ceil(delayMs / 1000));
  useEffect(() => {
    const started = Date.now();
    setLeft(Math.ceil(delayMs / 1000));
    const countdown = setInterval(
      () => setLeft(Math.max(0, Math.ceil((started + delayMs - Date.now()) / 1000))),
      1_000,
    );
    const timer = setTimeout(retry, delayMs);
    return () => {
      clearInterval(countdown);
      clearTimeout(timer);
    };
  }, [delayMs, retry]);
  return left;
}
