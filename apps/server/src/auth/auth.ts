import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type {
  Actor,
  AuditAction,
  AuditEntry,
  AuditQuery,
  CreateUserInput,
  CreateWallboardTokenInput,
  Me,
  Principal,
  Role,
  UpdateUserInput,
  UserPrincipal,
  UserSummary,
  WallboardTokenSummary,
} from "@callboard/contracts";
import { AuthError, principalName } from "@callboard/contracts";
import type { AuthStore, UserRow } from "@callboard/db";
import { decoyHash, hashPassword, verifyPassword } from "./password.ts";
import { newSecretToken, tokenDigest } from "./secret-token.ts";
import { SignInLimiter } from "./sign-in-limiter.ts";

/** A session lives a working week from sign-in (the cookie's Max-Age says the same), then sign in again. */
export const SESSION_MS = 7 * 24 * 3_600_000;
/** One-time sign-in links (the embedded demo's first start) expire quickly and work once. */
export const SIGN_IN_LINK_MS = 30 * 60_000;

export interface AuthOptions {
  store: AuthStore;
  clock: () => number;
}

export interface SignedIn {
  token: string;
  expiresAt: number;
  me: Me;
}

/** What changed access, so live connections can be closed at once. */
export type Revocation =
  | { kind: "user"; userId: string }
  | { kind: "session"; sessionId: string }
  | { kind: "wallboard"; tokenId: string };

/**
 * Sign-in, sessions, users, wallboard tokens and the audit trail. Only digests of secrets are
 * stored; every change a person makes is audited with who, what, before and after, and from where.
 */
export class Auth {
  private readonly store: AuthStore;
  private readonly clock: () => number;
  private readonly limiter = new SignInLimiter();
  private readonly revocations = new EventEmitter<{ revoked: [Revocation] }>();

  constructor(options: AuthOptions) {
    this.store = options.store;
    this.clock = options.clock;
  }

  hasUsers(): boolean {
    return this.store.countUsers() > 0;
  }

  /** Called with every revocation (sign-out, disable, password reset, role change, token revoked). */
  onRevoked(listener: (revocation: Revocation) => void): () => void {
    this.revocations.on("revoked", listener);
    return () => this.revocations.off("revoked", listener);
  }

  // ── sign-in ────────────────────────────────────────────────────────────────────────────────

  async signIn(username: string, password: string, address: string | null): Promise<SignedIn> {
    const name = username.trim().toLowerCase();
    await this.limiter.begin(name, address);
    const user = this.store.userByUsername(name);
    // Unknown users cost a hash too, so timing does not tell which usernames exist.
    let ok: boolean;
    try {
      ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    } catch (error) {
      await this.limiter.failed(name, address);
      throw error;
    }
    if (!user || !ok || user.disabled) {
      await this.limiter.failed(name, address);
      this.audit("auth.sign_in_failed", { principal: null, address }, name.slice(0, 64), null, {
        reason: !user || !ok ? "wrong username or password" : "account disabled",
      });
      throw new AuthError(
        "UNAUTHORIZED",
        user?.disabled && ok ? "this account is disabled" : "wrong username or password",
      );
    }
    await this.limiter.succeeded(name, address);
    return this.openSession(user, address);
  }

  /** A one-time link that signs its holder in as `userId` (the demo's first start prints one). */
  createSignInLink(userId: string): string {
    const code = newSecretToken();
    // Stored (digest only), not kept in memory: the printed link must survive a restart of the core.
    this.store.insertSignInLink(tokenDigest(code), { userId, expiresAt: this.clock() + SIGN_IN_LINK_MS });
    return code;
  }

  redeemSignInLink(code: string, address: string | null): SignedIn {
    const link = this.store.takeSignInLink(tokenDigest(code));
    const user = link && link.expiresAt > this.clock() ? this.store.userById(link.userId) : undefined;
    if (!user || user.disabled) {
      this.audit("auth.sign_in_failed", { principal: null, address }, null, null, {
        reason: "sign-in link not valid",
      });
      throw new AuthError(
        "UNAUTHORIZED",
        "this sign-in link has been used or has expired; sign in with the password",
      );
    }
    return this.openSession(user, address);
  }

  private openSession(user: UserRow, address: string | null): SignedIn {
    const token = newSecretToken();
    const now = this.clock();
    const expiresAt = now + SESSION_MS;
    const sessionId = tokenDigest(token);
    this.store.insertSession({ id: sessionId, userId: user.id, createdAt: now, expiresAt, address });
    this.store.updateUser(user.id, { lastSignInAt: now });
    const me = toMe(user);
    this.audit(
      "auth.signed_in",
      { principal: { kind: "user", sessionId, ...me }, address },
      user.username,
      null,
      {
        role: user.role,
      },
    );
    return { token, expiresAt, me };
  }

  /** The person behind a session cookie's token, or null (unknown, expired, or the user is disabled). */
  sessionPrincipal(token: string): UserPrincipal | null {
    if (token.length === 0 || token.length > 100) return null;
    const sessionId = tokenDigest(token);
    const found = this.store.sessionWithUser(sessionId);
    if (!found) return null;
    const now = this.clock();
    if (found.session.expiresAt <= now || found.user.disabled) {
      this.store.deleteSession(sessionId);
      return null;
    }
    return { kind: "user", sessionId, ...toMe(found.user) };
  }

  signOut(principal: UserPrincipal, address: string | null): void {
    this.store.deleteSession(principal.sessionId);
    this.audit("auth.signed_out", { principal, address }, principal.username, null, null);
    this.revocations.emit("revoked", { kind: "session", sessionId: principal.sessionId });
  }

  /**
   * One check for every live connection: of `principals`, which still hold (a session not ended or
   * expired, its user enabled and in the same role; a wallboard token not revoked) — whoever changed
   * them, this process or another (the CLI). One read per kind however many connections: the
   * gateway asks every 2 s, and one read per socket was 500 reads/s at 1,000 sockets.
   */
  stillValid(principals: Iterable<Principal>): (principal: Principal) => boolean {
    const sessionIds = new Set<string>();
    const digests = new Set<string>();
    for (const p of principals) {
      if (p.kind === "user") sessionIds.add(p.sessionId);
      else if (p.kind === "wallboard") digests.add(p.digest);
    }
    const now = this.clock();
    const roles = new Map<string, string>();
    if (sessionIds.size > 0) {
      for (const row of this.store.sessionsStanding([...sessionIds]))
        if (row.expiresAt > now && !row.disabled) roles.set(row.id, row.role);
    }
    const tokens = new Set(digests.size > 0 ? this.store.liveWallboardTokens([...digests]) : []);
    return (principal) => {
      if (principal.kind === "operator") return true;
      if (principal.kind === "wallboard") return tokens.has(principal.digest);
      return roles.get(principal.sessionId) === principal.role;
    };
  }

  // ── users (admin) ──────────────────────────────────────────────────────────────────────────

  listUsers(): UserSummary[] {
    return this.store.listUsers().map(toSummary);
  }

  async createUser(input: CreateUserInput, actor: Actor): Promise<UserSummary> {
    if (this.store.userByUsername(input.username)) {
      throw new AuthError("CONFLICT", `the username "${input.username}" is taken`);
    }
    assertAgentBinding(input.role, input.agentId);
    const row: UserRow = {
      id: randomUUID(),
      username: input.username,
      name: input.name,
      role: input.role,
      agentId: input.role === "agent" ? input.agentId : null,
      passwordHash: await hashPassword(input.password),
      disabled: false,
      createdAt: this.clock(),
      lastSignInAt: null,
    };
    this.store.insertUser(row);
    const summary = toSummary(row);
    this.audit("user.created", actor, row.username, null, publicFields(summary));
    return summary;
  }

  updateUser(input: UpdateUserInput, actor: Actor): UserSummary {
    const before = this.existingUser(input.userId);
    const role = input.role ?? (before.role as Role);
    const agentId = input.agentId === undefined ? before.agentId : input.agentId;
    assertAgentBinding(role, agentId);
    const disabled = input.disabled ?? before.disabled;
    if (before.role === "admin" && !before.disabled && (role !== "admin" || disabled))
      this.assertAnotherAdmin(before.id);
    const patch = {
      name: input.name ?? before.name,
      role,
      agentId: role === "agent" ? agentId : null,
      disabled,
    };
    this.store.updateUser(before.id, patch);
    const after = { ...before, ...patch };
    this.audit(
      "user.updated",
      actor,
      before.username,
      publicFields(toSummary(before)),
      publicFields(toSummary(after)),
    );
    if (disabled || role !== before.role || patch.agentId !== before.agentId) {
      // Access shrank or changed (an agent relinked answers as someone else now): sign the person
      // out everywhere, and close their live screens — a desk must not stay in the old agent's room.
      this.store.deleteSessionsOf(before.id);
      this.revocations.emit("revoked", { kind: "user", userId: before.id });
    }
    return toSummary(after);
  }

  async resetPassword(userId: string, password: string, actor: Actor): Promise<void> {
    const user = this.existingUser(userId);
    this.store.updateUser(user.id, { passwordHash: await hashPassword(password) });
    this.store.deleteSessionsOf(user.id);
    this.revocations.emit("revoked", { kind: "user", userId: user.id });
    this.audit("user.password_reset", actor, user.username, null, null);
  }

  /** For the CLI and first start: creates the user or, if the username exists, resets its password and role. */
  async ensureUser(input: CreateUserInput, actor: Actor): Promise<"created" | "updated"> {
    const existing = this.store.userByUsername(input.username);
    if (!existing) {
      await this.createUser(input, actor);
      return "created";
    }
    this.updateUser(
      { userId: existing.id, role: input.role, disabled: false, name: input.name, agentId: input.agentId },
      actor,
    );
    await this.resetPassword(existing.id, input.password, actor);
    return "updated";
  }

  private existingUser(userId: string): UserRow {
    const user = this.store.userById(userId);
    if (!user) throw new AuthError("NOT_FOUND", `user "${userId}" does not exist`);
    return user;
  }

  private assertAnotherAdmin(userId: string): void {
    const others = this.store.listUsers().filter((u) => u.id !== userId && u.role === "admin" && !u.disabled);
    if (others.length === 0) {
      throw new AuthError(
        "PRECONDITION_FAILED",
        "at least one enabled admin must remain: create or promote another admin first",
      );
    }
  }

  // ── wallboard tokens (admin) ───────────────────────────────────────────────────────────────

  createWallboardToken(
    input: CreateWallboardTokenInput,
    actor: Actor,
  ): { token: string; summary: WallboardTokenSummary } {
    const token = newSecretToken();
    const row = {
      id: tokenDigest(token),
      tokenId: randomUUID().slice(0, 8),
      label: input.label,
      queueIds: JSON.stringify([...new Set(input.queueIds)]),
      createdAt: this.clock(),
      createdBy: actorName(actor),
      lastUsedAt: null,
      revokedAt: null,
    };
    this.store.insertWallboardToken(row);
    const summary = toTokenSummary(row);
    this.audit("wallboard_token.created", actor, row.label, null, {
      tokenId: row.tokenId,
      queueIds: summary.queueIds,
    });
    return { token, summary };
  }

  listWallboardTokens(): WallboardTokenSummary[] {
    return this.store.listWallboardTokens().map(toTokenSummary);
  }

  revokeWallboardToken(tokenId: string, actor: Actor): WallboardTokenSummary {
    const row = this.store.revokeWallboardToken(tokenId, this.clock());
    if (!row) throw new AuthError("NOT_FOUND", `no live wallboard token "${tokenId}"`);
    this.revocations.emit("revoked", { kind: "wallboard", tokenId: row.tokenId });
    this.audit(
      "wallboard_token.revoked",
      actor,
      row.label,
      { tokenId: row.tokenId },
      { revokedAt: row.revokedAt },
    );
    return toTokenSummary(row);
  }

  /** A screen presenting a wallboard token; recorded (at most once a minute per token). */
  wallboardPrincipal(token: string, address: string | null): Principal | null {
    if (token.length === 0 || token.length > 100) return null;
    const row = this.store.wallboardToken(tokenDigest(token));
    if (!row || row.revokedAt !== null) return null;
    const now = this.clock();
    if (row.lastUsedAt === null || now - row.lastUsedAt > 60_000) {
      this.store.touchWallboardToken(row.id, now);
      this.audit("wallboard_token.used", { principal: null, address }, row.label, null, {
        tokenId: row.tokenId,
      });
    }
    return {
      kind: "wallboard",
      digest: row.id,
      tokenId: row.tokenId,
      label: row.label,
      queueIds: JSON.parse(row.queueIds),
    };
  }

  // ── audit ──────────────────────────────────────────────────────────────────────────────────

  audit(
    action: AuditAction,
    actor: Actor,
    target: string | null,
    before: unknown,
    after: unknown,
    seq: number | null = null,
  ): void {
    const p = actor.principal;
    this.store.appendAudit({
      at: this.clock(),
      action,
      actor: principalName(p),
      role: p?.kind === "user" ? p.role : null,
      address: actor.address,
      target,
      before: before == null ? null : JSON.stringify(before),
      after: after == null ? null : JSON.stringify(after),
      seq,
    });
  }

  queryAudit(query: AuditQuery): AuditEntry[] {
    const { cursor, direction: _direction, ...filter } = query;
    return this.store
      .queryAudit({ ...filter, ...(cursor == null ? {} : { beforeId: cursor }) })
      .map((row) => ({
        id: row.id,
        at: row.at,
        action: row.action as AuditAction,
        actor: row.actor,
        role: row.role as Role | null,
        address: row.address,
        target: row.target,
        before: row.before === null ? null : JSON.parse(row.before),
        after: row.after === null ? null : JSON.parse(row.after),
        seq: row.seq,
      }));
  }

  /** Drops expired sessions and sign-in links; the server calls it every few minutes. */
  sweep(): void {
    const now = this.clock();
    this.store.deleteExpiredSessions(now);
    this.store.deleteExpiredSignInLinks(now);
  }
}

function assertAgentBinding(role: Role, agentId: string | null): void {
  if (role === "agent" && !agentId)
    throw new AuthError("BAD_REQUEST", "agentId: an agent user must be linked to an agent");
}

function actorName(actor: Actor): string {
  return principalName(actor.principal) ?? "system";
}

function toMe(user: UserRow): Me {
  return {
    userId: user.id,
    username: user.username,
    name: user.name,
    role: user.role as Role,
    agentId: user.agentId,
  };
}

function toSummary(user: UserRow): UserSummary {
  return {
    ...toMe(user),
    disabled: user.disabled,
    createdAt: user.createdAt,
    lastSignInAt: user.lastSignInAt,
  };
}

/** What the audit keeps of a user: never the hash. */
function publicFields(user: UserSummary) {
  return {
    username: user.username,
    name: user.name,
    role: user.role,
    agentId: user.agentId,
    disabled: user.disabled,
  };
}

function toTokenSummary(row: {
  tokenId: string;
  label: string;
  queueIds: string;
  createdAt: number;
  createdBy: string;
  lastUsedAt: number | null;
  revokedAt: number | null;
}): WallboardTokenSummary {
  return {
    tokenId: row.tokenId,
    label: row.label,
    queueIds: JSON.parse(row.queueIds),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
