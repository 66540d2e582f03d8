import { MANUAL_STATUSES, type ManualStatus } from "@callboard/routing";
import { ACTIVITIES, AGENT_SORTS, type AgentFilter, type AgentSort, NO_FILTER } from "./agent-filter.ts";

/** Cards, a compact row per queue, or automatic (compact above AUTO_COMPACT_ABOVE queues). */
export const QUEUE_VIEWS = ["auto", "cards", "compact"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const AUTO_COMPACT_ABOVE = 6;

/** Everything about the board's view a link should carry: filters, sort, queue view. */
export interface BoardParams {
  filter: AgentFilter;
  sort: AgentSort;
  queues: QueueView;
}

export const DEFAULT_PARAMS: BoardParams = { filter: NO_FILTER, sort: "name", queues: "auto" };

/** What the center has, to tell a queue or group in the link that does not exist. */
export interface KnownIds {
  queue: (id: string) => boolean;
  group: (id: string) => boolean;
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): value is T =>
    (values as readonly string[]).includes(value);
const isActivity = oneOf<AgentFilter["activity"]>(["all", ...ACTIVITIES]);
const isStatus = oneOf<ManualStatus | "all">(["all", ...MANUAL_STATUSES]);
const isOnline = oneOf<AgentFilter["online"]>(["all", "online", "offline"]);
const isSort = oneOf<AgentSort>(AGENT_SORTS);
const isView = oneOf<QueueView>(QUEUE_VIEWS);

/**
 * The board's view from its URL (?activity=&status=&online=&q=&queue=&group=&sort=&view=). A value
 * the board does not know falls back to the default and is named in `invalid`, so the page can say
 * so instead of silently showing something else.
 */
export function parseBoardParams(
  search: string | URLSearchParams,
  known?: KnownIds,
): { params: BoardParams; invalid: string[] } {
  const p = typeof search === "string" ? new URLSearchParams(search) : search;
  const invalid: string[] = [];
  const read = <T>(key: string, ok: (value: string) => value is T & string, fallback: T): T => {
    const value = p.get(key);
    if (value === null || value === "") return fallback;
    if (ok(value)) return value;
    invalid.push(key);
    return fallback;
  };
  const id = (key: "queue" | "group"): string | null => {
    const value = p.get(key);
    if (value === null || value === "") return null;
    if (value.length > 128 || (known && !known[key](value))) {
      invalid.push(key);
      return null;
    }
    return value;
  };
  const filter: AgentFilter = {
    activity: read("activity", isActivity, NO_FILTER.activity),
    manualStatus: read("status", isStatus, NO_FILTER.manualStatus),
    online: read("online", isOnline, NO_FILTER.online),
    query: (p.get("q") ?? "").slice(0, 200),
    queue: id("queue"),
    group: id("group"),
  };
  return {
    params: {
      filter,
      sort: read("sort", isSort, DEFAULT_PARAMS.sort),
      queues: read("view", isView, DEFAULT_PARAMS.queues),
    },
    invalid,
  };
}

/** The query string for a view ("" for the default one), defaults left out, in a fixed order. */
export function boardSearch({ filter, sort, queues }: BoardParams): string {
  const p = new URLSearchParams();
  if (filter.activity !== "all") p.set("activity", filter.activity);
  if (filter.manualStatus !== "all") p.set("status", filter.manualStatus);
  if (filter.online !== "all") p.set("online", filter.online);
  if (filter.query !== "") p.set("q", filter.query);
  if (filter.queue !== null) p.set("queue", filter.queue);
  if (filter.group !== null) p.set("group", filter.group);
  if (sort !== "name") p.set("sort", sort);
  if (queues !== "auto") p.set("view", queues);
  const text = p.toString();
  return text ? `?${text}` : "";
}
