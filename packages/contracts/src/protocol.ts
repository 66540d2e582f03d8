// The live protocol's constants, without zod or the domain: a screen that only listens (the wallboard)
// imports them from "@callboard/contracts/protocol" and ships none of the schemas.

/**
 * The version of the live sync protocol (board:subscribe, its answer, board:delta). Bump it when
 * any of them changes in a way an older client would misread; older clients are then told to reload.
 * @see https://github.com/tldraw/tldraw/blob/main/packages/sync-core/src/lib/protocol.ts
 *
 * 2: the snapshot carries `agentsToday`, which the board continues folding (decision 0009).
 * 3: the state carries each record's `versions` (directory edits, decision 0011) and the directory's
 *    removal and membership events.
 * 4: light boards (decision 0016): gzipped record deltas, GET /live/snapshot, a digest per batch;
 *    agents' figures today and the records' versions travel as records, not folded from events.
 * 5: the agent desk's offer says why as facts (`DeskWhy`), worded by the page, not an English line.
 * 6: the heartbeat's KPI views travel gzipped (`kpis` is bytes, compressed once per beat for the
 *    room), their ratios and seconds rounded to what screens show (kpi-beat.ts).
 * 7: a catch-up's batches come packed in one binary value (`packed`, catch-up-pack.ts), not one
 *    attachment each: Socket.IO's parser drops a packet of more than 10 attachments.
 */
export const LIVE_PROTOCOL_VERSION = 7;

/**
 * Why the core refused or closed a connection (the `connect_error` message, or `access:revoked`),
 * so the page can say it in words: sign in again, or "this screen's access was revoked".
 */
export const SOCKET_REFUSAL = {
  /** No valid session or wallboard token (never had one, expired, signed out, disabled). */
  SIGNED_OUT: "UNAUTHORIZED",
  /** A page from another site, or a Host this Callboard does not serve. */
  FOREIGN_ORIGIN: "FORBIDDEN_ORIGIN",
  /** Signed in, but this audience needs another role. */
  FORBIDDEN: "FORBIDDEN",
  /** The wallboard token was revoked. */
  REVOKED: "REVOKED",
} as const;

/**
 * The server beats (or updates a wallboard) once a second; a screen that hears nothing for this long
 * shows its data as stale, since the last thing it heard.
 */
export const STALE_AFTER_MS = 2_000;

/** The session cookie's name: set by the core, looked for by the dashboard's sign-in redirect. */
export const SESSION_COOKIE = "callboard_session";
