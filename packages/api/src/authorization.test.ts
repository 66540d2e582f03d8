import { type Actor, STAFF_ROLES, type StaffRole } from "@callboard/contracts";
import { describe, expect, it } from "vitest";
import { appRouter, createCaller } from "./root.ts";
import { ANONYMOUS, fakeContext, personActor } from "./test-context.ts";

/**
 * Who may call each procedure. A procedure missing here fails the first test, so none can be added
 * without deciding its role; the others prove each one refuses everyone below that role.
 */
const REQUIRED: Record<string, "public" | StaffRole> = {
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

const below = (role: StaffRole): StaffRole[] => STAFF_ROLES.slice(0, STAFF_ROLES.indexOf(role));

describe("every procedure has a role", () => {
  it("the table names every procedure of the router, and nothing else", () => {
    expect(procedures).toEqual(Object.keys(REQUIRED).sort());
  });

  for (const path of procedures) {
    const role = REQUIRED[path];
    if (role === undefined || role === "public") continue;
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
