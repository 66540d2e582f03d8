import { describe, expect, it } from "vitest";
import { NO_FILTER } from "./agent-filter.ts";
import { type BoardParams, boardSearch, DEFAULT_PARAMS, parseBoardParams } from "./board-params.ts";

const known = { queue: (id: string) => id === "q1", group: (id: string) => id === "sales" };

describe("board URL parameters", () => {
  it("an empty URL is the default view, and the default view is an empty URL", () => {
    expect(parseBoardParams("")).toEqual({ params: DEFAULT_PARAMS, invalid: [] });
    expect(boardSearch(DEFAULT_PARAMS)).toBe("");
  });

  it("round-trips every parameter", () => {
    const params: BoardParams = {
      filter: {
        activity: "can_ring",
        manualStatus: "LUNCH_BREAK",
        online: "online",
        query: "nguyễn & co",
        queue: "q1",
        group: "sales",
      },
      sort: "calls-today",
      queues: "compact",
    };
    const search = boardSearch(params);
    expect(search).toBe(
      "?activity=can_ring&status=LUNCH_BREAK&online=online&q=nguy%E1%BB%85n+%26+co&queue=q1&group=sales&sort=calls-today&view=compact",
    );
    expect(parseBoardParams(search, known)).toEqual({ params, invalid: [] });
  });

  it("falls back to the default for each value it does not know, and names it", () => {
    const { params, invalid } = parseBoardParams(
      "?activity=dancing&status=AVAILABLE&online=maybe&sort=height&view=tiles&queue=nope&group=sales",
      known,
    );
    expect(params).toEqual({
      filter: { ...NO_FILTER, manualStatus: "AVAILABLE", group: "sales" },
      sort: "name",
      queues: "auto",
    });
    expect(invalid).toEqual(["activity", "online", "queue", "sort", "view"]);
  });

  it("accepts any queue or group id when it cannot check them yet", () => {
    expect(parseBoardParams("?queue=later").params.filter.queue).toBe("later");
  });
});
