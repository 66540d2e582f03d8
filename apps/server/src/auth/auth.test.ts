import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuthError } from "@callboard/contracts";
import { createAuthStore, createDb, migrateDb } from "@callboard/db";
import { describe, expect, it } from "vitest";
import { Auth, type Revocation, SESSION_MS } from "./auth.ts";

function setup() {
  const db = createDb(join(mkdtempSync(join(tmpdir(), "callboard-auth-")), "callboard.db"));
  migrateDb(db);
  const clock = { now: 1_800_000_000_000 };
  const store = createAuthStore(db);
  const auth = new Auth({ store, clock: () => clock.now });
  const revoked: Revocation[] = [];
  auth.onRevoked((r) => revoked.push(r));
  return { auth, store, clock, revoked, db };
}

const system = { principal: null, address: null };
const PASSWORD = "correct horse battery";

async function withAdmin() {
  const s = setup();
  const admin = await s.auth.createUser(
    { username: "ana", name: "Ana", role: "admin", password: PASSWORD, agentId: null },
    system,
  );
  return { ...s, admin };
}

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<AuthError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("Auth", () => {
  it("signs in with the right password, stores only digests, and knows the session afterwards", async () => {
    const { auth, db } = await withAdmin();
    const signed = await auth.signIn("  ANA ", PASSWORD, "10.0.0.7");
    expect(signed.me).toMatchObject({ username: "ana", role: "admin" });
    const principal = auth.sessionPrincipal(signed.token);
    expect(principal).toMatchObject({ kind: "user", username: "ana", role: "admin" });
    const raw = db.$client.prepare("select * from sessions").all() as { id: string; address: string }[];
    expect(raw).toHaveLength(1);
    expect(raw[0]!.id).not.toContain(signed.token);
    expect(raw[0]!.address).toBe("10.0.0.7");
    const hash = (db.$client.prepare("select password_hash from users").get() as { password_hash: string })
      .password_hash;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain(PASSWORD);
  });

  it("refuses a wrong password and an unknown user with the same words, and audits both", async () => {
    const { auth } = await withAdmin();
    const wrong = await refusal(auth.signIn("ana", "not the password", "10.0.0.7"));
    const unknown = await refusal(auth.signIn("nobody", PASSWORD, "10.0.0.7"));
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect(wrong.message).toBe(unknown.message);
    const failed = auth.queryAudit({ action: "auth.sign_in_failed", limit: 10 });
    expect(failed.map((e) => e.target)).toEqual(["nobody", "ana"]);
    expect(failed[0]!.address).toBe("10.0.0.7");
  });

  it("backs off repeated failures from one address, with a Retry-After, without locking the person out elsewhere", async () => {
    const { auth } = await withAdmin();
    for (let i = 0; i < 5; i++) await refusal(auth.signIn("ana", "wrong password!", "10.0.0.7"));
    const limited = await refusal(auth.signIn("ana", PASSWORD, "10.0.0.7"));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.retryAfterSec).toBeGreaterThan(0);
    expect(limited.retryAfterSec).toBeLessThanOrEqual(15);
    // A stranger's guesses do not keep Ana out from her own desk.
    expect((await auth.signIn("ana", PASSWORD, "10.0.0.8")).me.username).toBe("ana");
  });

  it("verifies one attempt at a time per username: a burst of concurrent guesses gets 429, not 40 hashes", async () => {
    const { auth } = await withAdmin();
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => refusal(auth.signIn("ana", "wrong password!", `10.0.1.${i}`))),
    );
    const codes = burst.map((e) => e.code);
    expect(codes.filter((c) => c === "UNAUTHORIZED")).toHaveLength(1);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(39);
    // The reservation is released: the right password works at once.
    expect((await auth.signIn("ana", PASSWORD, "10.0.0.9")).me.username).toBe("ana");
  });

  it("expires sessions a week after sign-in, as the cookie does", async () => {
    const { auth, clock } = await withAdmin();
    const { token, expiresAt } = await auth.signIn("ana", PASSWORD, null);
    expect(expiresAt).toBe(clock.now + SESSION_MS);
    clock.now += SESSION_MS - 1;
    expect(auth.sessionPrincipal(token)).not.toBeNull();
    clock.now += 1;
    expect(auth.sessionPrincipal(token)).toBeNull();
  });

  it("signs a disabled user out everywhere and says so to live connections", async () => {
    const { auth, admin, revoked } = await withAdmin();
    const sam = await auth.createUser(
      { username: "sam", name: "Sam", role: "supervisor", password: PASSWORD, agentId: null },
      system,
    );
    const { token } = await auth.signIn("sam", PASSWORD, null);
    const principal = auth.sessionPrincipal(token)!;
    const actor = {
      principal: auth.sessionPrincipal((await auth.signIn("ana", PASSWORD, null)).token),
      address: null,
    };
    auth.updateUser({ userId: sam.userId, disabled: true }, actor);
    expect(auth.sessionPrincipal(token)).toBeNull();
    expect(auth.stillValid([principal])(principal)).toBe(false);
    expect(revoked).toContainEqual({ kind: "user", userId: sam.userId });
    expect((await refusal(auth.signIn("sam", PASSWORD, null))).code).toBe("UNAUTHORIZED");
    const entry = auth.queryAudit({ action: "user.updated", limit: 1 })[0]!;
    expect(entry).toMatchObject({ actor: "ana", role: "admin", target: "sam" });
    expect(entry.before).toMatchObject({ disabled: false });
    expect(entry.after).toMatchObject({ disabled: true });
    expect(admin.role).toBe("admin");
  });

  it("relinking an agent to another agent signs it out everywhere: no desk stays in the old agent's room", async () => {
    const { auth, revoked } = await withAdmin();
    const lan = await auth.createUser(
      { username: "lan", name: "Lan", role: "agent", password: PASSWORD, agentId: "lan" },
      system,
    );
    const { token } = await auth.signIn("lan", PASSWORD, null);
    auth.updateUser({ userId: lan.userId, name: "Lan N." }, system);
    expect(auth.sessionPrincipal(token)).not.toBeNull();
    auth.updateUser({ userId: lan.userId, agentId: "minh" }, system);
    expect(auth.sessionPrincipal(token)).toBeNull();
    expect(revoked).toContainEqual({ kind: "user", userId: lan.userId });
  });

  it("keeps at least one enabled admin", async () => {
    const { auth, admin } = await withAdmin();
    expect(
      (await refusal(() => auth.updateUser({ userId: admin.userId, role: "viewer" }, system))).code,
    ).toBe("PRECONDITION_FAILED");
    expect(
      (await refusal(() => auth.updateUser({ userId: admin.userId, disabled: true }, system))).code,
    ).toBe("PRECONDITION_FAILED");
  });

  it("refuses a taken username and an agent user without an agent", async () => {
    const { auth } = await withAdmin();
    const taken = await refusal(
      auth.createUser(
        { username: "ana", name: "Other", role: "viewer", password: PASSWORD, agentId: null },
        system,
      ),
    );
    expect(taken.code).toBe("CONFLICT");
    const unbound = await refusal(
      auth.createUser(
        { username: "lan", name: "Lan", role: "agent", password: PASSWORD, agentId: null },
        system,
      ),
    );
    expect(unbound.code).toBe("BAD_REQUEST");
  });

  it("a password reset ends every session of the user", async () => {
    const { auth, admin } = await withAdmin();
    const { token } = await auth.signIn("ana", PASSWORD, null);
    await auth.resetPassword(admin.userId, "a brand new passphrase", system);
    expect(auth.sessionPrincipal(token)).toBeNull();
    expect((await refusal(auth.signIn("ana", PASSWORD, null))).code).toBe("UNAUTHORIZED");
    expect((await auth.signIn("ana", "a brand new passphrase", null)).me.username).toBe("ana");
  });

  it("one-time sign-in links work once and expire", async () => {
    const { auth, admin, clock } = await withAdmin();
    const code = auth.createSignInLink(admin.userId);
    expect(auth.redeemSignInLink(code, null).me.username).toBe("ana");
    expect((await refusal(() => auth.redeemSignInLink(code, null))).code).toBe("UNAUTHORIZED");
    const late = auth.createSignInLink(admin.userId);
    clock.now += 31 * 60_000;
    expect((await refusal(() => auth.redeemSignInLink(late, null))).code).toBe("UNAUTHORIZED");
  });

  it("a sign-in link printed before a restart still signs in after it, once", async () => {
    const { auth, admin, db, clock } = await withAdmin();
    const code = auth.createSignInLink(admin.userId);
    // A restart: a new Auth over the same database file, nothing carried over in memory.
    const restarted = new Auth({ store: createAuthStore(db), clock: () => clock.now });
    expect(restarted.redeemSignInLink(code, null).me.username).toBe("ana");
    expect((await refusal(() => restarted.redeemSignInLink(code, null))).code).toBe("UNAUTHORIZED");
    const raw = db.$client.prepare("select key, value from meta").all() as { key: string; value: string }[];
    expect(raw.some((row) => row.key.includes(code) || row.value.includes(code))).toBe(false);
  });

  it("the sweep drops expired sign-in links and keeps live ones", async () => {
    const { auth, admin, clock } = await withAdmin();
    const early = auth.createSignInLink(admin.userId);
    clock.now += 20 * 60_000;
    const fresh = auth.createSignInLink(admin.userId);
    clock.now += 11 * 60_000;
    auth.sweep();
    expect((await refusal(() => auth.redeemSignInLink(early, null))).code).toBe("UNAUTHORIZED");
    expect(auth.redeemSignInLink(fresh, null).me.username).toBe("ana");
  });

  it("checks every live connection's principal in one pass: ended, expired and revoked ones fail, the rest hold", async () => {
    const { auth, clock, store } = await withAdmin();
    const early = auth.sessionPrincipal((await auth.signIn("ana", PASSWORD, null)).token)!;
    clock.now += SESSION_MS / 2;
    const late = auth.sessionPrincipal((await auth.signIn("ana", PASSWORD, null)).token)!;
    const gone = auth.sessionPrincipal((await auth.signIn("ana", PASSWORD, null)).token)!;
    store.deleteSession(gone.sessionId); // as another process (the CLI) would
    const screen = auth.wallboardPrincipal(
      auth.createWallboardToken({ label: "A", queueIds: ["q"] }, system).token,
      null,
    )!;
    const made = auth.createWallboardToken({ label: "B", queueIds: ["q"] }, system);
    const revokedScreen = auth.wallboardPrincipal(made.token, null)!;
    auth.revokeWallboardToken(made.summary.tokenId, system);
    const operator = { kind: "operator" } as const;
    const all = [early, late, gone, screen, revokedScreen, operator, early];
    const valid = auth.stillValid(all);
    expect(all.map(valid)).toEqual([true, true, false, true, false, true, true]);
    clock.now += SESSION_MS / 2; // the first session's week is over
    expect(all.map(auth.stillValid(all))).toEqual([false, true, false, true, false, true, false]);
    // A role changed under a live session: sessions are ended too, but the role is checked anyway.
    expect(auth.stillValid([late])({ ...late, role: "viewer" })).toBe(false);
    expect(auth.stillValid([])(late)).toBe(false);
  });

  it("wallboard tokens are scoped to queues, revocable, and their use is recorded", async () => {
    const { auth, revoked } = await withAdmin();
    const { token, summary } = auth.createWallboardToken(
      { label: "Floor TV", queueIds: ["sales", "sales", "support"] },
      system,
    );
    expect(summary.queueIds).toEqual(["sales", "support"]);
    const principal = auth.wallboardPrincipal(token, "10.0.0.9");
    expect(principal).toMatchObject({ kind: "wallboard", queueIds: ["sales", "support"], label: "Floor TV" });
    expect(auth.queryAudit({ action: "wallboard_token.used", limit: 5 })).toHaveLength(1);
    auth.revokeWallboardToken(summary.tokenId, system);
    expect(revoked).toContainEqual({ kind: "wallboard", tokenId: summary.tokenId });
    expect(auth.stillValid([principal!])(principal!)).toBe(false);
    expect(auth.wallboardPrincipal(token, null)).toBeNull();
    expect((await refusal(() => auth.revokeWallboardToken(summary.tokenId, system))).code).toBe("NOT_FOUND");
  });

  it("filters the audit trail by action, actor and target, newest first, paged", async () => {
    const { auth } = await withAdmin();
    for (const name of ["bo", "cy", "di"]) {
      await auth.createUser(
        { username: name, name, role: "viewer", password: PASSWORD, agentId: null },
        system,
      );
    }
    const created = auth.queryAudit({ action: "user.created", limit: 2 });
    expect(created.map((e) => e.target)).toEqual(["di", "cy"]);
    const next = auth.queryAudit({ action: "user.created", limit: 2, cursor: created[1]!.id });
    expect(next.map((e) => e.target)).toEqual(["bo", "ana"]);
    expect(auth.queryAudit({ target: "c", limit: 10 }).map((e) => e.target)).toEqual(["cy"]);
  });
});
