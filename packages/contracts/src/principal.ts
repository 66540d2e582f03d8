import type { Me } from "./auth.ts";

/** A signed-in person, by the session they presented. */
export interface UserPrincipal extends Me {
  kind: "user";
  /** The SHA-256 of the session token (the sessions table's key), never the token itself. */
  sessionId: string;
}

/** A read-only screen, by the wallboard token it presented: its queues' summaries, nothing else. */
export interface WallboardPrincipal {
  kind: "wallboard";
  /** The token's digest (the table's key), so the screen can be re-checked and revoked. */
  digest: string;
  /** The public handle admins see. */
  tokenId: string;
  label: string;
  queueIds: string[];
}

/** A machine presenting the operator token (CALLBOARD_OPERATOR_TOKEN): scripts, PCC back offices. */
export interface OperatorPrincipal {
  kind: "operator";
}

export type Principal = UserPrincipal | WallboardPrincipal | OperatorPrincipal;

/** How the audit trail names whoever acted. */
export function principalName(principal: Principal | null): string | null {
  if (principal === null) return null;
  switch (principal.kind) {
    case "user":
      return principal.username;
    case "wallboard":
      return `wallboard:${principal.tokenId}`;
    case "operator":
      return "operator-token";
  }
}

/** Who did something and from where, for authorization and the audit trail. */
export interface Actor {
  principal: Principal | null;
  address: string | null;
}
