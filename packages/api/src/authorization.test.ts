import { type Actor, STAFF_ROLES, type StaffRole } from "@callboard/contracts";
import { emptyState, step } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { appRouter, createCaller } from "./root.ts";
import { ANONYMOUS, fakeContext, OTHER_TAB, personActor } from "./test-context.ts";

/**
 * Who may call each procedure. A procedure missing here fails the first test, so none can be added
 * without deciding its role; the others prove each one refuses everyone below that role.
 */
const REQUIRED: Record<string, "public" | "agent" | StaffRole> = {
  "auth.me": "public",
  "center.snapshot": "viewer",
  "center.queues": "viewer",
  "decisions.byCall": "viewer",
  "decisions.byAgent": "viewer",
  "calls.timeline": "viewer",
  "calls.search": "viewer",
  "connector.status": "viewer",
  "history.queue": "viewer",
  "history.agents": "viewer",
  "whatIf.start": "supervisor",
  "whatIf.status": "supervisor",
  "whatIf.cancel": "supervisor",
  "agents.setManualStatus": "supervisor",
  "agents.list": "admin",
  "agents.create": "admin",
  "agents.update": "admin",
  "agents.remove": "admin",
  "agents.moveToGroup": "admin",
  "groups.list": "admin",
  "groups.create": "admin",
  "groups.update": "admin",
  "groups.changeMembers": "admin",
  "groups.remove": "admin",
  "queues.list": "admin",
  "queues.create": "admin",
  "queues.update": "admin",
  "queues.remove": "admin",
  "events.rejections": "supervisor",
  "events.submit": "admin",
  "users.list": "admin",
  "users.create": "admin",
  "users.update": "admin",
  "users.resetPassword": "admin",
  "wallboards.list": "admin",
  "wallboards.create": "admin",
  "wallboards.revoke": "admin",
  "audit.list": "admin",
  "desk.setStatus": "agent",
  "desk.answer": "agent",
  "desk.decline": "agent",
  "desk.hangUp": "agent",
  "desk.presence": "agent",
  "desk.token": "agent",
};

const procedures = Object.keys(appRouter._def.procedures).sort();

/** Calls a procedure by its dotted path with a deliberately empty input: authorization runs before input parsing. */
async function callAs(actor: Actor, path: string): Promise<{ code: string } | "ok"> {
  const caller = createCaller(fakeContext({ actor }).ctx) as unknown as Record<
    string,
    Record<string, (input?: unknown) => Promise<unknown>>
  >;
  const [router, name] = path.split(".") as [string, string];
  try {
    await caller[router]![name]!(undefined);
    return "ok";
  } catch (error) {
    return { code: (error as { code?: string }).code ?? "?" };
  }
}

/** A person with the agent role whose account no admin has linked to an agent yet. */
function unlinkedAgent(): Actor {
  const actor = personActor("agent", "new-agent");
  if (actor.principal?.kind !== "user") throw new Error("expected a person");
  return { ...actor, principal: { ...actor.principal, agentId: null } };
}

const below = (role: StaffRole): StaffRole[] => STAFF_ROLES.slice(0, STAFF_ROLES.indexOf(role));

describe("every procedure has a role", () => {
  it("the table names every procedure of the router, and nothing else", () => {
    expect(procedures).toEqual(Object.keys(REQUIRED).sort());
  });

  for (const path of procedures) {
    const role = REQUIRED[path];
    if (role === undefined || role === "public") continue;
    if (role === "agent") {
      it(`${path} refuses anonymous callers, every staff role and an agent not linked to one`, async () => {
        expect(await callAs(ANONYMOUS, path)).toEqual({ code: "UNAUTHORIZED" });
        for (const staff of STAFF_ROLES)
          expect(await callAs(personActor(staff), path)).toEqual({ code: "FORBIDDEN" });
        expect(await callAs(unlinkedAgent(), path)).toEqual({ code: "FORBIDDEN" });
      });
      continue;
    }
    it(`${path} refuses anonymous callers, agents and roles below ${role}`, async () => {
      expect(await callAs(ANONYMOUS, path)).toEqual({ code: "UNAUTHORIZED" });
      expect(await callAs(personActor("agent"), path)).toEqual({ code: "FORBIDDEN" });
      for (const lower of below(role))
        expect(await callAs(personActor(lower), path)).toEqual({ code: "FORBIDDEN" });
    });
  }

  it("auth.me answers anonymous callers with null and signed-in ones with who they are", async () => {
    expect(await createCaller(fakeContext({ actor: ANONYMOUS }).ctx).auth.me()).toBeNull();
    expect(
      await createCaller(fakeContext({ actor: personActor("viewer", "vi") }).ctx).auth.me(),
    ).toMatchObject({
      username: "vi",
      role: "viewer",
    });
  });

  it("a supervisor's manual status change is audited with before, after and the seq it became", async () => {
    const { ctx, auth } = fakeContext({ actor: personActor("supervisor", "sue") });
    await createCaller(ctx).agents.setManualStatus({ agentId: "lan", status: "LUNCH_BREAK" });
    expect(auth.audited).toEqual([
      [
        "agent.manual_status_set",
        ctx.actor,
        "lan",
        { manualStatus: null },
        { manualStatus: "LUNCH_BREAK" },
        1,
      ],
    ]);
  });
});

describe("the agent desk acts only as the signed-in agent", () => {
  /** A context whose center holds agent-1 (the test agent's link) and agent-2. */
  function deskContext(actor: Actor = personActor("agent", "ann")) {
    const made = fakeContext({ actor });
    const state = emptyState();
    for (const id of ["agent-1", "agent-2"]) {
      const result = step(
        state,
        { type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } },
        1_000,
      );
      if (!result.ok) throw new Error(result.rejection.message);
    }
    (made.ctx.core as { state: typeof state }).state = state;
    return made;
  }

  it("a status change names the session's agent, is audited, and an agent id in the input is refused", async () => {
    const { ctx, submitted, auth } = deskContext();
    await createCaller(ctx).desk.setStatus({ status: "AVAILABLE" });
    expect(submitted).toEqual([{ type: "agent.manual_status_set", agentId: "agent-1", status: "AVAILABLE" }]);
    expect(auth.audited[0]?.slice(0, 3)).toEqual(["agent.manual_status_set", ctx.actor, "agent-1"]);
    await expect(
      createCaller(ctx).desk.setStatus({ status: "LUNCH_BREAK", agentId: "agent-2" } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(submitted).toHaveLength(1);
  });

  it("a status outside the configured set is refused naming the field, and nothing is written", async () => {
    const { ctx, submitted } = deskContext();
    await expect(createCaller(ctx).desk.setStatus({ status: "DANCING" } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("must be one of AVAILABLE"),
    });
    expect(submitted).toEqual([]);
  });

  it("answer, decline and hang up reach the telephony port as the session's agent only", async () => {
    const { ctx, desk } = deskContext();
    const caller = createCaller(ctx);
    await caller.desk.answer({ callId: "c1", deviceId: "tab-aaaaaaaa" });
    await caller.desk.decline({ callId: "c2", deviceId: "tab-aaaaaaaa" });
    await caller.desk.hangUp({ callId: "c1", deviceId: "tab-aaaaaaaa" });
    expect(desk.calls).toEqual([
      ["answer", "agent-1", "c1"],
      ["decline", "agent-1", "c2"],
      ["hangUp", "agent-1", "c1"],
    ]);
    await expect(
      caller.desk.answer({ callId: "c1", deviceId: "tab-aaaaaaaa", agentId: "agent-2" } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a second tab that does not hold the softphone is told so and changes nothing", async () => {
    const { ctx, desk } = deskContext();
    await expect(createCaller(ctx).desk.answer({ callId: "c1", deviceId: OTHER_TAB })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("another tab"),
    });
    expect(desk.calls).toEqual([]);
  });

  it("an agent whose link points at no agent of the center is told so", async () => {
    const actor = personActor("agent", "ghost");
    if (actor.principal?.kind === "user") actor.principal.agentId = "not-synced";
    const { ctx } = deskContext(actor);
    await expect(createCaller(ctx).desk.setStatus({ status: "AVAILABLE" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("the client token is issued for the session's agent, and refused in standalone mode", async () => {
    const { ctx } = deskContext();
    await expect(createCaller(ctx).desk.token()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const issued: string[] = [];
    ctx.desk.issueToken = async (agentId) => {
      issued.push(agentId);
      return { token: "t", expiresAt: 2, renewAt: 1 };
    };
    await createCaller(ctx).desk.token();
    expect(issued).toEqual(["agent-1"]);
  });
});
