import { parseArgs } from "node:util";
import { createUserSchema, describeZodError } from "@callboard/contracts";
import { createAuthStore, createDb, migrateDb } from "@callboard/db";
import { Auth } from "../auth/auth.ts";
import { newDemoPassword } from "../auth/secret-token.ts";
import { loadConfig } from "../env.ts";
import { readPassword } from "./read-password.ts";

const USAGE = `Usage: pnpm user:add <username> [--role admin|supervisor|viewer|agent] [--name "Full Name"] [--agent <stringee_user_id>] [--generate]

Creates a Callboard user, or resets an existing one's password and role. The password is asked for
(twice, hidden) on a terminal, read from the first line of stdin otherwise, or generated and printed
once with --generate. Only its scrypt hash is stored. Uses the same database as the server
(CALLBOARD_DATA_DIR / CALLBOARD_DB_PATH); the server may be running.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: "string", default: "admin" },
      name: { type: "string" },
      agent: { type: "string" },
      generate: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const username = positionals[0]!;
  // Say what is wrong with the arguments before asking for a password.
  const args = createUserSchema
    .omit({ password: true })
    .safeParse({ username, name: values.name ?? username, role: values.role, agentId: values.agent ?? null });
  if (!args.success) throw new Error(describeZodError(args.error));
  const password = values.generate ? newDemoPassword() : await readPassword(`Password for ${username}: `);
  const parsed = createUserSchema.safeParse({
    username,
    name: values.name ?? username,
    role: values.role,
    password,
    agentId: values.agent ?? null,
  });
  if (!parsed.success) {
    throw new Error(describeZodError(parsed.error));
  }
  const config = loadConfig();
  const db = createDb(config.dbPath);
  migrateDb(db);
  const auth = new Auth({ store: createAuthStore(db), clock: Date.now });
  const outcome = await auth.ensureUser(parsed.data, { principal: null, address: "cli" });
  db.$client.close();
  console.log(
    `${outcome === "created" ? "Created" : "Updated"} ${parsed.data.role} "${parsed.data.username}" in ${config.dbPath}.`,
  );
  if (values.generate) console.log(`Password (shown once): ${password}`);
}

main().catch((error: unknown) => {
  console.error(`user:add: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
