import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DomainRejectedError, PccWriteError } from "@callboard/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { answerErrors, HttpError } from "./http.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** What a client gets when a handler wrapped in answerErrors throws `error`. */
async function answerTo(error: Error): Promise<{ status: number; body: unknown }> {
  const server = createServer((_req, res) => {
    answerErrors(res, async () => {
      throw error;
    }).catch(() => res.writeHead(500).end());
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/`);
  return { status: response.status, body: await response.json().catch(() => null) };
}

describe("answerErrors", () => {
  it("answers a client error with its status and a domain refusal with the domain's words", async () => {
    expect(await answerTo(new HttpError(405, "use POST"))).toEqual({
      status: 405,
      body: { error: "use POST" },
    });
    expect(
      await answerTo(new DomainRejectedError({ code: "UNKNOWN_AGENT", message: "no such agent" })),
    ).toEqual({
      status: 404,
      body: { error: "no such agent", code: "UNKNOWN_AGENT" },
    });
  });

  it("answers a failed PCC write with 412 (not synced yet) or 502 (PCC refused)", async () => {
    expect(await answerTo(new PccWriteError("NOT_SYNCED", "not synced yet"))).toEqual({
      status: 412,
      body: { error: "not synced yet", code: "NOT_SYNCED" },
    });
    expect((await answerTo(new PccWriteError("PCC_REFUSED", "PCC refused"))).status).toBe(502);
  });

  it("leaves anything else to the caller's 500", async () => {
    expect((await answerTo(new Error("bug"))).status).toBe(500);
  });
});
