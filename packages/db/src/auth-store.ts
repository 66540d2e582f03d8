import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { CallboardDb } from "./client.ts";
import {
  type AuditRow,
  audit,
  meta,
  type SessionRow,
  sessions,
  type UserRow,
  users,
  type WallboardTokenRow,
  wallboardTokens,
} from "./schema.ts";

export type NewAuditRow = Omit<AuditRow, "id">;

export interface AuditFilter {
  action?: string;
  actor?: string;
  target?: string;
  beforeId?: number;
  limit: number;
}

/** What a one-time sign-in link stands for; the link itself is never stored, only its digest. */
interface SignInLinkRow {
  userId: string;
  expiresAt: number;
}

/**
 * One-time sign-in links (the demo's first start prints one) live in `meta` under this prefix plus
 * the link's digest: they must outlive a restart between printing and opening (kept in memory, a
 * restart turned the printed link into a "used or expired" refusal), and there are only ever a
 * handful, so they need no table of their own.
 */
const SIGN_IN_LINK_KEY = "sign_in_link:";

/** Audit rows kept; older ones are dropped so a flood of failed sign-ins cannot fill the disk. */
export const AUDIT_KEPT = 200_000;

/**
 * Users, sessions, wallboard tokens and the audit trail. Storage only: hashing, roles and rate
 * limits are the server's. The session lookup runs on every request, so it is prepared once.
 */
export function createAuthStore(db: CallboardDb, { auditKept = AUDIT_KEPT }: { auditKept?: number } = {}) {
  const sessionWithUser = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare();
  const tokenById = db
    .select()
    .from(wallboardTokens)
    .where(eq(wallboardTokens.id, sql.placeholder("id")))
    .prepare();
  // The live connections' periodic check reads every principal in use at once: the ids go in as
  // one JSON array (json_each), so the statement is prepared once whatever their number.
  const inIds = (column: typeof sessions.id | typeof wallboardTokens.id) =>
    sql`${column} IN (SELECT value FROM json_each(${sql.placeholder("ids")}))`;
  const sessionsStanding = db
    .select({ id: sessions.id, expiresAt: sessions.expiresAt, disabled: users.disabled, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(inIds(sessions.id))
    .prepare();
  const liveTokens = db
    .select({ id: wallboardTokens.id })
    .from(wallboardTokens)
    .where(and(inIds(wallboardTokens.id), isNull(wallboardTokens.revokedAt)))
    .prepare();
  const insertAudit = db
    .insert(audit)
    .values({
      at: sql.placeholder("at"),
      action: sql.placeholder("action"),
      actor: sql.placeholder("actor"),
      role: sql.placeholder("role"),
      address: sql.placeholder("address"),
      target: sql.placeholder("target"),
      before: sql.placeholder("before"),
      after: sql.placeholder("after"),
      seq: sql.placeholder("seq"),
    })
    .prepare();

  return {
    countUsers(): number {
      return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
    },
    listUsers(): UserRow[] {
      return db.select().from(users).orderBy(users.username).all();
    },
    userById(id: string): UserRow | undefined {
      return db.select().from(users).where(eq(users.id, id)).get();
    },
    userByUsername(username: string): UserRow | undefined {
      return db.select().from(users).where(eq(users.username, username)).get();
    },
    insertUser(row: UserRow): void {
      db.insert(users).values(row).run();
    },
    updateUser(id: string, patch: Partial<Omit<UserRow, "id" | "username" | "createdAt">>): void {
      db.update(users).set(patch).where(eq(users.id, id)).run();
    },

    insertSession(row: SessionRow): void {
      db.insert(sessions).values(row).run();
    },
    sessionWithUser(id: string): { session: SessionRow; user: UserRow } | undefined {
      return sessionWithUser.get({ id });
    },
    /** Of the sessions `ids`, those that still exist, with their user's standing: one read for all. */
    sessionsStanding(
      ids: readonly string[],
    ): { id: string; expiresAt: number; disabled: boolean; role: string }[] {
      return sessionsStanding.all({ ids: JSON.stringify(ids) });
    },
    deleteSession(id: string): void {
      db.delete(sessions).where(eq(sessions.id, id)).run();
    },
    /** Signs a person out everywhere (disabled, password reset, role changed). */
    deleteSessionsOf(userId: string): void {
      db.delete(sessions).where(eq(sessions.userId, userId)).run();
    },
    deleteExpiredSessions(now: number): number {
      return db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
    },

    insertSignInLink(digest: string, link: SignInLinkRow): void {
      db.insert(meta)
        .values({ key: SIGN_IN_LINK_KEY + digest, value: JSON.stringify(link) })
        .run();
    },
    /** Removes the link and returns what it stood for, in one statement: a link works once. */
    takeSignInLink(digest: string): SignInLinkRow | undefined {
      const row = db
        .delete(meta)
        .where(eq(meta.key, SIGN_IN_LINK_KEY + digest))
        .returning()
        .get();
      return row === undefined ? undefined : (JSON.parse(row.value) as SignInLinkRow);
    },
    deleteExpiredSignInLinks(now: number): void {
      const links = db
        .select()
        .from(meta)
        .where(sql`substr(${meta.key}, 1, ${SIGN_IN_LINK_KEY.length}) = ${SIGN_IN_LINK_KEY}`)
        .all();
      for (const row of links) {
        if ((JSON.parse(row.value) as SignInLinkRow).expiresAt <= now)
          db.delete(meta).where(eq(meta.key, row.key)).run();
      }
    },

    insertWallboardToken(row: WallboardTokenRow): void {
      db.insert(wallboardTokens).values(row).run();
    },
    /** Of the wallboard token digests `ids`, those not revoked: one read for all. */
    liveWallboardTokens(ids: readonly string[]): string[] {
      return liveTokens.all({ ids: JSON.stringify(ids) }).map((row) => row.id);
    },
    wallboardToken(id: string): WallboardTokenRow | undefined {
      return tokenById.get({ id });
    },
    listWallboardTokens(): WallboardTokenRow[] {
      return db.select().from(wallboardTokens).orderBy(desc(wallboardTokens.createdAt)).all();
    },
    /** Revokes by public handle; false when there is no such live token. */
    revokeWallboardToken(tokenId: string, at: number): WallboardTokenRow | undefined {
      return db
        .update(wallboardTokens)
        .set({ revokedAt: at })
        .where(and(eq(wallboardTokens.tokenId, tokenId), isNull(wallboardTokens.revokedAt)))
        .returning()
        .get();
    },
    touchWallboardToken(id: string, at: number): void {
      db.update(wallboardTokens).set({ lastUsedAt: at }).where(eq(wallboardTokens.id, id)).run();
    },

    appendAudit(row: NewAuditRow): void {
      const id = Number(insertAudit.run(row).lastInsertRowid);
      if (id > auditKept && id % 1_000 === 0) {
        db.delete(audit)
          .where(lt(audit.id, id - auditKept))
          .run();
      }
    },
    queryAudit(filter: AuditFilter): AuditRow[] {
      const conditions = [
        filter.action === undefined ? undefined : eq(audit.action, filter.action),
        filter.actor === undefined ? undefined : eq(audit.actor, filter.actor),
        filter.target === undefined ? undefined : sql`instr(${audit.target}, ${filter.target}) > 0`,
        filter.beforeId === undefined ? undefined : lt(audit.id, filter.beforeId),
      ].filter((c) => c !== undefined);
      return db
        .select()
        .from(audit)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(audit.id))
        .limit(filter.limit)
        .all();
    },
  };
}

export type AuthStore = ReturnType<typeof createAuthStore>;
