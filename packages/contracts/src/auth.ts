import { z } from "zod";

/**
 * Who may do what. Staff roles are ranked: each may do everything the ones below it may.
 * `agent` is outside the ranking: a person bound to one Callboard agent (their own desktop only).
 */
export const STAFF_ROLES = ["viewer", "supervisor", "admin"] as const;
export const ROLES = [...STAFF_ROLES, "agent"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];

/** True when `role` may do what `needed` may. Agents hold no staff rights. */
export function hasRole(role: Role, needed: StaffRole): boolean {
  if (role === "agent") return false;
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(needed);
}

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "must be at least 2 characters")
  .max(64, "must be at most 64 characters")
  .regex(/^[a-z0-9._@-]+$/, "may contain only letters, digits and . _ @ -");

/** Long passphrases welcome; the cap only bounds the KDF's input. */
export const passwordSchema = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(256, "must be at most 256 characters");

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");

export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });

export const signInSchema = z.strictObject({
  username: z.string().max(64, "must be at most 64 characters"),
  password: z.string().max(256, "must be at most 256 characters"),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const userIdSchema = z.string().min(1).max(64);

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  name: displayNameSchema,
  role: roleSchema,
  password: passwordSchema,
  /** Required for the agent role: the stringee_user_id this person answers as. */
  agentId: z.string().min(1).max(128).nullable().default(null),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  userId: userIdSchema,
  name: displayNameSchema.optional(),
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
  agentId: z.string().min(1).max(128).nullable().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.strictObject({ userId: userIdSchema, password: passwordSchema });

/** What the browser learns about the signed-in person (never the hash, never the session id). */
export interface Me {
  userId: string;
  username: string;
  name: string;
  role: Role;
  agentId: string | null;
}

export interface UserSummary extends Me {
  disabled: boolean;
  createdAt: number;
  lastSignInAt: number | null;
}

export const createWallboardTokenSchema = z.strictObject({
  label: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  /** The queues the screen may show; at least one. */
  queueIds: z
    .array(z.string().min(1).max(128))
    .min(1, "choose at least one queue")
    .max(100, "at most 100 queues per screen"),
});
export type CreateWallboardTokenInput = z.infer<typeof createWallboardTokenSchema>;

export interface WallboardTokenSummary {
  tokenId: string;
  label: string;
  queueIds: string[];
  createdAt: number;
  createdBy: string;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export const AUDIT_ACTIONS = [
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.signed_out",
  "user.created",
  "user.updated",
  "user.password_reset",
  "wallboard_token.created",
  "wallboard_token.revoked",
  "wallboard_token.used",
  "center.event_submitted",
  "agent.manual_status_set",
  "agent.created",
  "agent.updated",
  "agent.removed",
  "group.created",
  "group.updated",
  "group.members_changed",
  "group.removed",
  "queue.created",
  "queue.updated",
  "queue.removed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditQuerySchema = z.strictObject({
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** Matches the actor's username exactly. */
  actor: z.string().max(64).optional(),
  /** Substring of the target (an agent id, a username, a token label). */
  target: z.string().max(128).optional(),
  /** Entries older than this id (the last id of the previous page): tRPC's infinite-query cursor. */
  cursor: z.number().int().min(1).nullish(),
  /** Sent by tRPC's infinite queries; pages always go from newest to older. */
  direction: z.enum(["forward", "backward"]).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntry {
  id: number;
  at: number;
  action: AuditAction;
  actor: string | null;
  role: Role | null;
  address: string | null;
  target: string | null;
  before: unknown;
  after: unknown;
  /** The event this change became in the log, if it did. */
  seq: number | null;
}
