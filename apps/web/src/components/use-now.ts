"use client";

import { useEffect, useState } from "react";

/** The server's "now" (local clock + offset), ticking once a second so durations count up live. */
export function useNow(clockOffsetMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now + clockOffsetMs;
}
