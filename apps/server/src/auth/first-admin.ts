import type { Auth } from "./auth.ts";
import { newDemoPassword } from "./secret-token.ts";

export type FirstAdmin = { password: string } | { generate: true } | null;

/** What start-up tells the operator about signing in; null when users already exist or none is configured. */
export type FirstAdminOutcome =
  | { kind: "from-environment"; username: string }
  | { kind: "generated"; username: string; password: string; signInLink: string }
  | { kind: "nobody"; hint: string };

export const FIRST_ADMIN_USERNAME = "admin";

/**
 * A center with no user yet gets its first admin: from CALLBOARD_ADMIN_PASSWORD, or (the embedded
 * demo) with a generated password shown once, plus a one-time link that signs the newcomer straight
 * in. Only the password's hash is stored. There is no default password anywhere.
 */
export async function ensureFirstAdmin(
  auth: Auth,
  firstAdmin: FirstAdmin,
  publicUrl: string,
): Promise<FirstAdminOutcome | null> {
  if (auth.hasUsers()) return null;
  const system = { principal: null, address: "startup" };
  if (firstAdmin === null) {
    return {
      kind: "nobody",
      hint: "no user can sign in yet: run `pnpm user:add <name> --role admin`, or start with CALLBOARD_ADMIN_PASSWORD set",
    };
  }
  const password = "password" in firstAdmin ? firstAdmin.password : newDemoPassword();
  const admin = await auth.createUser(
    { username: FIRST_ADMIN_USERNAME, name: "Administrator", role: "admin", password, agentId: null },
    system,
  );
  if ("password" in firstAdmin) return { kind: "from-environment", username: admin.username };
  const code = auth.createSignInLink(admin.userId);
  return {
    kind: "generated",
    username: admin.username,
    password,
    signInLink: `${publicUrl}/signin#link=${code}`,
  };
}
