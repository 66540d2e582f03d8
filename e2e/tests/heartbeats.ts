import { gunzipSync } from "node:zlib";

/** The heartbeat's plain fields, as socket.io's header frame carries them. */
export interface BeatHeader {
  seq: number;
  serverTime: number;
  complete: boolean;
}

/**
 * Reads the board's heartbeats off the socket.io wire as they pass (Playwright's routeWebSocket).
 * Since protocol 5 a beat's KPI views are gzipped bytes, so socket.io sends it as a binary event: a
 * text header (`451-["live:heartbeat",{…,"kpis":{"_placeholder":true,"num":0}}]`) and then the bytes
 * in a binary frame of their own. Headers of other events reset the reader; their bytes are skipped.
 *
 * @example server.onMessage(readHeartbeats((beat) => beats.push(beat)));
 */
export function readHeartbeats<K>(
  onBeat: (beat: BeatHeader & { kpis: K[] }) => void,
): (message: string | Buffer) => void {
  let waiting: BeatHeader | null = null;
  return (message) => {
    if (typeof message !== "string") {
      if (waiting) onBeat({ ...waiting, kpis: JSON.parse(gunzipSync(message).toString()) as K[] });
      waiting = null;
      return;
    }
    const binaryEvent = /^45\d+-(\[.*)$/s.exec(message);
    if (!binaryEvent) return;
    const [name, header] = JSON.parse(binaryEvent[1]!) as [string, BeatHeader];
    waiting = name === "live:heartbeat" ? header : null;
  };
}
