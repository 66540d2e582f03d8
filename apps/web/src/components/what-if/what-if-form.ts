import {
  checkWhatIfPeriod,
  type WhatIfInput,
  type WhatIfPeriodReason,
  type WhatIfPeriodRefusal,
  whatIfInputSchema,
} from "@callboard/contracts";
import type { Strategy } from "@callboard/routing";
import { fieldErrors } from "~/lib/field-errors";

export const CHANGE_KINDS = ["strategy", "answer-timeout", "backup-delay", "agents"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The form as typed: datetime-local strings (the browser's zone) and the change's fields. */
export interface WhatIfForm {
  queueId: string;
  from: string;
  to: string;
  kind: ChangeKind;
  strategy: Strategy;
  seconds: string;
  delta: string;
}

/** A datetime-local value for `ms` in the browser's zone ("2026-12-02T09:30"). */
export function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The last hour up to the current minute: a fresh center has data there. */
export function defaultForm(now: number): Omit<WhatIfForm, "queueId"> {
  const to = Math.floor(now / 60_000) * 60_000;
  return {
    from: localInput(to - 60 * 60_000),
    to: localInput(to),
    kind: "strategy",
    strategy: "round-robin",
    seconds: "10",
    delta: "2",
  };
}

const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
const instant = (text: string) => (text ? new Date(text).getTime() : Number.NaN);

/** Why the period's fields are refused, as the page words them (in its language). */
export type PeriodWords = (reason: WhatIfPeriodReason | "required") => string;

/**
 * The request the form describes, or its errors keyed by field (from, to, seconds, delta…): the
 * server's own schema and period check, so the page says what the server would — the period's
 * refusals in `words`, the page's language.
 */
export function toRequest(
  form: WhatIfForm,
  now: number,
  words: PeriodWords,
): { ok: true; input: WhatIfInput } | { ok: false; errors: Record<string, string> } {
  const from = instant(form.from);
  const to = instant(form.to);
  const errors: Record<string, string> = {};
  if (Number.isNaN(from)) errors.from = words("required");
  if (Number.isNaN(to)) errors.to = words("required");
  const change =
    form.kind === "strategy"
      ? { kind: form.kind, strategy: form.strategy }
      : form.kind === "agents"
        ? { kind: form.kind, delta: number(form.delta) }
        : form.kind === "backup-delay" && form.seconds.trim() === ""
          ? { kind: form.kind, seconds: null }
          : { kind: form.kind, seconds: number(form.seconds) };
  const parsed = whatIfInputSchema.safeParse({ queueId: form.queueId, from, to, change });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const reason =
        issue.code === "custom" ? (issue.params as WhatIfPeriodRefusal | undefined)?.reason : undefined;
      if (reason) errors[String(issue.path[0])] ??= words(reason);
    }
    for (const [field, message] of Object.entries(fieldErrors(parsed.error))) errors[field] ??= message;
    for (const issue of parsed.error.issues) {
      const leaf = issue.path.at(-1);
      if (issue.path[0] === "change" && typeof leaf === "string") errors[leaf] ??= issue.message;
    }
  }
  if (!Number.isNaN(from) && !Number.isNaN(to)) {
    const refusal = checkWhatIfPeriod(from, to, now);
    if (refusal) errors[refusal.field] ??= words(refusal.reason);
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}
