import type { AuditAction, SubmitResult } from "@callboard/contracts";
import { type InputEvent, own } from "@callboard/routing";
import { TRPCError } from "@trpc/server";
import { submitAsPerson } from "../audited-submit.ts";
import type { Context } from "../context.ts";

/**
 * Stringee mode: PCC is the source of truth for agents, groups, memberships and its queue fields,
 * and the sync writes what PCC holds. An edit made only here would be undone by the next sync, so
 * it is refused with where to make it instead.
 */
export function refuseWhenPccManages(ctx: Pick<Context, "pcc">, what: string): void {
  if (ctx.pcc === null) return;
  throw new TRPCError({
    code: "PRECONDITION_FAILED",
    message: `${what} managed in Stringee PCC: change it there, and the next sync brings it here`,
  });
}

/**
 * An admin's edit of the directory: refused in stringee mode when PCC manages `managed` (null: the
 * caller checked which fields PCC owns itself), else submitted and audited as the person's change.
 */
export function submitDirectoryChange(
  ctx: Context,
  managed: string | null,
  event: InputEvent,
  audit: { action: AuditAction; before?: unknown; after: unknown },
): Promise<SubmitResult> {
  if (managed !== null) refuseWhenPccManages(ctx, managed);
  return submitAsPerson(ctx, ctx.actor, event, audit);
}

/**
 * Every group or queue as an admin's row, by name, with the version an edit must name (0: never
 * written), so a change made from a stale page is refused instead of undoing someone else's.
 */
export function versionedRows<C extends { id: string; name: string }, R>(
  configs: Record<string, C>,
  versions: Record<string, number>,
  row: (config: C, version: number) => R,
): R[] {
  return Object.values(configs)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((config) => row(config, own(versions, config.id) ?? 0));
}
