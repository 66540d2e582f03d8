import type { WallboardTile } from "@callboard/contracts";
import type { Translate } from "~/i18n/types";
import { fragmentToken } from "../lib/wallboard-link";

/**
 * The wallboard's pure parts: what the URL asks for, which tiles that selects, how many fit on a
 * screen, the center-wide totals, and how long to wait before retrying. No React, no DOM: tested alone.
 */

export const ROTATE_DEFAULT_SEC = 15;
export const ROTATE_MIN_SEC = 5;
export const ROTATE_MAX_SEC = 600;

export interface WallboardParams {
  token: string | null;
  /** Queue ids (or names) asked for, in order; null = every queue of the token, in its order. */
  queues: string[] | null;
  /** Seconds per page when the tiles do not fit on one screen. */
  rotateSec: number;
  /** Show the center-wide row; null = when the screen has more than one queue. */
  totals: boolean | null;
  /** What in the URL could not be used (said small on the screen). */
  notices: WallboardNotice[];
}

/** A URL parameter the screen could not use, and the value it had. */
export interface WallboardNotice {
  param: "rotate" | "totals";
  value: string;
}

/**
 * Reads `/wallboard?queues=sales,support&rotate=20&totals=0#token=…` (the token only from the
 * fragment: see lib/wallboard-link); bad values fall back, with a notice.
 */
export function parseWallboardParams(search: string, hash: string): WallboardParams {
  const params = new URLSearchParams(search);
  const notices: WallboardNotice[] = [];
  const queuesParam = params.get("queues");
  const queues =
    queuesParam === null
      ? null
      : [
          ...new Set(
            queuesParam
              .split(",")
              .map((id) => id.trim())
              .filter(Boolean),
          ),
        ];
  let rotateSec = ROTATE_DEFAULT_SEC;
  const rotate = params.get("rotate");
  if (rotate !== null) {
    const n = Number(rotate);
    if (/^\d+$/.test(rotate.trim()) && n >= ROTATE_MIN_SEC && n <= ROTATE_MAX_SEC) rotateSec = n;
    else {
      notices.push({ param: "rotate", value: rotate });
    }
  }
  let totals: boolean | null = null;
  const totalsParam = params.get("totals");
  if (totalsParam !== null) {
    if (["1", "on", "true", "yes"].includes(totalsParam)) totals = true;
    else if (["0", "off", "false", "no"].includes(totalsParam)) totals = false;
    else notices.push({ param: "totals", value: totalsParam });
  }
  return {
    token: fragmentToken(hash),
    queues: queues && queues.length > 0 ? queues : null,
    rotateSec,
    totals,
    notices,
  };
}

/**
 * The tiles the URL asks for, in its order (by queue id, or else by name ignoring case), and the
 * asked-for queues this screen does not have: not on its link, or no such queue (the screen cannot
 * tell which, and says both).
 */
export function selectTiles(
  tiles: readonly WallboardTile[],
  queues: readonly string[] | null,
): { shown: WallboardTile[]; unknown: string[] } {
  if (queues === null) return { shown: [...tiles], unknown: [] };
  const shown: WallboardTile[] = [];
  const unknown: string[] = [];
  for (const asked of queues) {
    const tile =
      tiles.find((t) => t.queueId === asked) ??
      tiles.find((t) => t.name.toLocaleLowerCase() === asked.toLocaleLowerCase());
    if (!tile) unknown.push(asked);
    else if (!shown.includes(tile)) shown.push(tile);
  }
  return { shown, unknown };
}

export interface PageLayout {
  cols: number;
  rows: number;
  /** Tiles per page (cols × rows). */
  pageSize: number;
  pages: number;
  /** Figures grow when few tiles share the screen (1 = the size for a full page). */
  scale: number;
  /**
   * "wide": a tile's figures side by side in fours (needs about 0.8 × the screen height in width);
   * "narrow": in twos, stacked (about half the height in width, but the whole height for itself).
   */
  shape: "wide" | "narrow";
}

/**
 * How the tiles share a screen of `width` × `height` px (figures are sized in vh, so the tile a
 * figure needs is a fraction of the height). A lone tile is wide, with bigger figures; a few stand
 * in one row of narrow tiles; more go in a grid of wide tiles, two rows under the header (three on a
 * portrait screen), and what does not fit goes on further pages.
 */
export function pageLayout(width: number, height: number, count: number): PageLayout {
  const n = Math.max(1, count);
  const wideCols = Math.max(1, Math.floor(width / (0.8 * height)));
  const narrowCols = Math.max(1, Math.floor(width / (0.5 * height)));
  if (n === 1) return { cols: 1, rows: 1, pageSize: 1, pages: 1, scale: 1.6, shape: "wide" };
  // Two narrow tiles have room to grow a little; wide ones in fours would not (their "100%"s would touch).
  if (n <= narrowCols) {
    return { cols: n, rows: 1, pageSize: n, pages: 1, scale: n === 2 ? 1.15 : 1, shape: "narrow" };
  }
  const maxRows = width >= height ? 2 : 3;
  const pageSize = wideCols * maxRows;
  const onPage = Math.min(n, pageSize);
  const cols = Math.min(wideCols, onPage);
  return {
    cols,
    rows: Math.ceil(onPage / cols),
    pageSize,
    pages: Math.ceil(n / pageSize),
    scale: 1,
    shape: "wide",
  };
}

export interface CenterTotals {
  waiting: number;
  longestWaitMs: number;
  offeredToday: number;
  answeredToday: number;
  abandonedToday: number;
  /** Queues whose service level today is under their target, of those with calls today. */
  belowTarget: number;
  withServiceLevel: number;
}

/** Totals across the screen's queues (agents are not summed: one agent can serve several queues). */
export function centerTotals(tiles: readonly WallboardTile[]): CenterTotals {
  const totals: CenterTotals = {
    waiting: 0,
    longestWaitMs: 0,
    offeredToday: 0,
    answeredToday: 0,
    abandonedToday: 0,
    belowTarget: 0,
    withServiceLevel: 0,
  };
  for (const tile of tiles) {
    totals.waiting += tile.waiting;
    totals.longestWaitMs = Math.max(totals.longestWaitMs, tile.longestWaitMs);
    if (!tile.kpi) continue;
    totals.offeredToday += tile.kpi.today.offered;
    totals.answeredToday += tile.kpi.today.answered;
    totals.abandonedToday += tile.kpi.today.abandoned;
    const level = tile.kpi.levels.serviceLevelToday;
    if (level !== "none") totals.withServiceLevel++;
    if (level === "alarm") totals.belowTarget++;
  }
  return totals;
}

/** Seconds as a TV says them: "45 s", "2 min", "2 min 30 s", "1 h 05 min" (vi: "2 phút 30 giây"). */
export function spokenDuration(t: Translate<"wallboard">, totalSec: number): string {
  const s = Math.max(0, Math.round(totalSec));
  if (s < 60) return t("spokenSeconds", { s: String(s) });
  if (s < 3600) {
    const m = String(Math.floor(s / 60));
    return s % 60 === 0 ? t("spokenMinutes", { m }) : t("spokenMinutesSeconds", { m, s: String(s % 60) });
  }
  return t("spokenHours", {
    h: String(Math.floor(s / 3600)),
    m: String(Math.floor((s % 3600) / 60)).padStart(2, "0"),
  });
}

/** A wait as a big figure: "0:45", "12:05", "1:02:03" — same width as it grows, no units to read. */
export function clockDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** Retries after a render error or a failed load: 2, 4, 8 … s, then every 60 s, forever. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, Math.min(attempt, 10)));
}

/** An incompatible core: reload after 3 s, then back off (a web not yet updated must not reload in a loop). */
export function reloadDelayMs(attempt: number): number {
  return Math.min(300_000, 3_000 * 2 ** Math.max(0, Math.min(attempt, 10)));
}
