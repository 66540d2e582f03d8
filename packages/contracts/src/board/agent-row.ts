import { type Agent, MANUAL_STATUSES, type RoutingType } from "@callboard/routing";

/**
 * An agent on the board's wire: a tuple in a fixed order, no keys. At 10,000 agents the keys were
 * two thirds of the snapshot; the tuple is what changes per update, so deltas shrink as much.
 * Times stay absolute milliseconds so a row means the same in any batch.
 */
export type AgentRow = [
  id: string,
  name: string,
  phoneNumber: string | null,
  routingType: RoutingType,
  /** Index in MANUAL_STATUSES. */
  manualStatus: number,
  systemStatus: number,
  /** Bit 0: app, bit 1: sip. */
  presence: number,
  pushTokens: string[],
  since: number,
  idleSince: number,
  wrapUpUntil: number | null,
  ringingCallId: string | null,
  activeCallId: string | null,
  answeredCalls: number,
  missedOffers: number,
  consecutiveMisses: number,
  talkTimeMs: number,
];

export function encodeAgent(a: Agent): AgentRow {
  return [
    a.id,
    a.name,
    a.phoneNumber,
    a.routingType,
    MANUAL_STATUSES.indexOf(a.manualStatus),
    a.systemStatus,
    (a.presence.app ? 1 : 0) | (a.presence.sip ? 2 : 0),
    a.presence.pushTokens,
    a.since,
    a.idleSince,
    a.wrapUpUntil,
    a.ringingCallId,
    a.activeCallId,
    a.answeredCalls,
    a.missedOffers,
    a.consecutiveMisses,
    a.talkTimeMs,
  ];
}

export function decodeAgent(row: AgentRow): Agent {
  const [id, name, phoneNumber, routingType, manual, systemStatus, presence, pushTokens, since] = row;
  return {
    id,
    name,
    phoneNumber,
    routingType,
    manualStatus: MANUAL_STATUSES[manual]!,
    systemStatus,
    presence: { app: (presence & 1) !== 0, pushTokens, sip: (presence & 2) !== 0 },
    since,
    idleSince: row[9],
    wrapUpUntil: row[10],
    ringingCallId: row[11],
    activeCallId: row[12],
    answeredCalls: row[13],
    missedOffers: row[14],
    consecutiveMisses: row[15],
    talkTimeMs: row[16],
  };
}
