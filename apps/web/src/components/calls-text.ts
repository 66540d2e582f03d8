/**
 * The words of the live calls list and the call search, kept in one place
 * so they move to the message catalogs in one step.
 */

export const LIVE_CALLS_TEXT = {
  heading: (n: number) => `Live calls (${n})`,
  none: "No call waiting or ringing",
  position: (n: number) => `#${n}`,
  positionHint: "Position in line",
  waiting: "Waiting",
  ringing: (names: string) => `Ringing ${names}`,
  offers: (n: number) => (n === 1 ? "1 offer" : `${n} offers`),
  showAll: (n: number) => `Show all ${n}`,
  showFewer: "Show fewer",
  expand: (queue: string) => `Live calls of ${queue}`,
} as const;

export const SEARCH_TEXT = {
  label: "Find a call",
  placeholder: "Call id or caller's number",
  searching: "Searching…",
  nothing: (query: string) => `No call with the id or caller's number "${query}".`,
  hint: "Whole call ids and numbers only; the number with or without its +.",
  more: (n: number) => `Showing the newest ${n}; older calls from this number are not listed.`,
  live: "live",
  ended: "ended",
  open: "Timeline",
  close: "Close",
  results: (n: number) => (n === 1 ? "1 call" : `${n} calls`),
  failed: (message: string) => `Search failed: ${message}`,
} as const;
