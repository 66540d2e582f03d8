/**
 * A helper process of the table (load generator, sockets, raw ws server), on the clients' side of
 * the machine, driven by request/reply messages over IPC. Children read `process.env` for nothing:
 * everything they do arrives in a message.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { clientSide, coreSide } from "./machine.ts";

export interface Child {
  pid: number;
  ask<T>(command: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts `clients/<name>.ts` under tsx (the helpers are bench code, not the product), on the
 * clients' side, or on the core's side for a baseline that stands in for the core.
 */
export function startChild(name: string, side: "clients" | "core" = "clients"): Child {
  const file = fileURLToPath(new URL(`./clients/${name}.ts`, import.meta.url));
  const [command, args] = (side === "core" ? coreSide : clientSide)(["--import", "tsx", file]);
  const child: ChildProcess = spawn(command, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const waiting = new Map<number, { resolve: (m: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  child.on("message", (message: { id: number; error?: string }) => {
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error) waiter?.reject(new Error(`${name}: ${message.error}`));
    else waiter?.resolve(message);
  });
  child.on("exit", (code) => {
    for (const waiter of waiting.values()) waiter.reject(new Error(`${name} exited with ${code}`));
    waiting.clear();
  });
  return {
    pid: child.pid!,
    ask<T>(command: Record<string, unknown>) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (m: unknown) => void, reject });
        child.send({ ...command, id });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** The child's side: answers each command with what `handle` returns (or the error it throws). */
export function serve(handle: (command: { cmd: string } & Record<string, unknown>) => Promise<object>): void {
  process.on("message", (message: { id: number; cmd: string }) => {
    handle(message).then(
      (result) => process.send!({ ...result, id: message.id }),
      (error: unknown) =>
        process.send!({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.on("SIGTERM", () => process.exit(0));
}
