"use client";

import { PCC_QUEUE_FIELDS, type PccQueueField, queueConfigSchema } from "@callboard/contracts";
import {
  DEFAULT_TIME_ZONE,
  QUEUE_DEFAULTS,
  type QueueConfig,
  type QueueGroup,
  STRATEGIES,
  type Strategy,
} from "@callboard/routing";
import { type Messages, useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useState } from "react";
import { fieldErrors } from "~/lib/field-errors";
import { ErrorAlert } from "./error-alert";
import { FieldError } from "./field-error";
import { fieldInput } from "./form-field";

/** Sunday first, as the schedule stores days (0–6); the catalog names each. */
const WEEK_DAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const small =
  "rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-xs hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-50";

type NumberField =
  | "waitAgentAnswerTimeout"
  | "wrapUpTimeLimit"
  | "maximumQueueSize"
  | "maximumQueueWaitTime"
  | "randomSeed"
  | "serviceLevelSec"
  | "shortAbandonSec"
  | "serviceLevelTarget"
  | "kpiWindowMin"
  | "longestWaitAmberSec"
  | "longestWaitRedSec";
type NullableField = "routeToBackupAfterSec" | "maxConsecutiveMisses";
type Hours = { days: number[]; open: string; close: string };

/** The form's state: numbers as typed (a blank is refused, or "none" for the nullable ones). */
interface Draft {
  id: string;
  name: string;
  strategy: Strategy;
  groups: QueueGroup[];
  agentWrapUpAfterCalls: boolean;
  numbers: Record<NumberField | NullableField, string>;
  scheduleKind: "always" | "business-hours";
  timeZone: string;
  hours: Hours[];
}

export function draftOf(queue: QueueConfig | null): Draft {
  const q = queue ?? { id: "", name: "", groups: [], ...QUEUE_DEFAULTS };
  const text = (v: number | null) => (v === null ? "" : String(v));
  return {
    id: q.id,
    name: q.name,
    strategy: q.strategy,
    groups: q.groups,
    agentWrapUpAfterCalls: q.agentWrapUpAfterCalls,
    numbers: {
      waitAgentAnswerTimeout: text(q.waitAgentAnswerTimeout),
      wrapUpTimeLimit: text(q.wrapUpTimeLimit),
      maximumQueueSize: text(q.maximumQueueSize),
      maximumQueueWaitTime: text(q.maximumQueueWaitTime),
      randomSeed: text(q.randomSeed),
      serviceLevelSec: text(q.serviceLevelSec),
      shortAbandonSec: text(q.shortAbandonSec),
      serviceLevelTarget: text(q.serviceLevelTarget),
      kpiWindowMin: text(q.kpiWindowMin),
      longestWaitAmberSec: text(q.longestWaitAmberSec),
      longestWaitRedSec: text(q.longestWaitRedSec),
      routeToBackupAfterSec: text(q.routeToBackupAfterSec),
      maxConsecutiveMisses: text(q.maxConsecutiveMisses),
    },
    scheduleKind: q.schedule.kind,
    timeZone: q.schedule.kind === "business-hours" ? q.schedule.timeZone : DEFAULT_TIME_ZONE,
    hours:
      q.schedule.kind === "business-hours"
        ? q.schedule.hours
        : [{ days: [1, 2, 3, 4, 5], open: "08:00", close: "17:00" }],
  };
}

/** A blank number is no number (the schema says what it must be); NaN keeps zod's own message. */
const asNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
const asNullable = (text: string) => (text.trim() === "" ? null : Number(text));

function toInput(d: Draft): unknown {
  const n = d.numbers;
  return {
    id: d.id,
    name: d.name,
    strategy: d.strategy,
    groups: d.groups,
    agentWrapUpAfterCalls: d.agentWrapUpAfterCalls,
    waitAgentAnswerTimeout: asNumber(n.waitAgentAnswerTimeout),
    wrapUpTimeLimit: asNumber(n.wrapUpTimeLimit),
    maximumQueueSize: asNumber(n.maximumQueueSize),
    maximumQueueWaitTime: asNumber(n.maximumQueueWaitTime),
    routeToBackupAfterSec: asNullable(n.routeToBackupAfterSec),
    maxConsecutiveMisses: asNullable(n.maxConsecutiveMisses),
    randomSeed: asNumber(n.randomSeed),
    schedule:
      d.scheduleKind === "always"
        ? { kind: "always" }
        : { kind: "business-hours", timeZone: d.timeZone, hours: d.hours },
    serviceLevelSec: asNumber(n.serviceLevelSec),
    shortAbandonSec: asNumber(n.shortAbandonSec),
    serviceLevelTarget: asNumber(n.serviceLevelTarget),
    kpiWindowMin: asNumber(n.kpiWindowMin),
    longestWaitAmberSec: asNumber(n.longestWaitAmberSec),
    longestWaitRedSec: asNumber(n.longestWaitRedSec),
  };
}

export interface QueueFormProps {
  initial: QueueConfig | null;
  groups: { id: string; name: string }[];
  /** Stringee mode: PCC's fields are shown, not edited. */
  pccManaged: boolean;
  pending: boolean;
  error: unknown;
  serverErrors: Record<string, string>;
  onSubmit: (queue: QueueConfig) => void;
  onCancel: () => void;
}

/** Every setting of a queue, checked with the server's own schema before it is sent. */
export function QueueForm(props: QueueFormProps) {
  const t = useTranslations("directory.queues");
  const tDir = useTranslations("directory");
  const { initial, groups, pccManaged, pending } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [clientErrors, setErrors] = useState<Record<string, string>>({});
  const errors = { ...props.serverErrors, ...clientErrors };
  const locked = (field: PccQueueField | "id") =>
    field === "id" ? initial !== null : pccManaged && (PCC_QUEUE_FIELDS as readonly string[]).includes(field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = queueConfigSchema.safeParse(toInput(draft));
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    props.onSubmit(parsed.data);
  };
  const numberField = (field: NumberField | NullableField, hint?: string) => (
    <Field field={field} error={errors[field]} hint={hint}>
      <input
        className={fieldInput}
        name={field}
        inputMode="numeric"
        disabled={locked(field as PccQueueField)}
        aria-invalid={errors[field] ? true : undefined}
        value={draft.numbers[field]}
        onChange={(e) => setDraft({ ...draft, numbers: { ...draft.numbers, [field]: e.target.value } })}
      />
    </Field>
  );
  const setGroups = (next: QueueGroup[]) => setDraft({ ...draft, groups: next });
  const unused = groups.filter((g) => !draft.groups.some((q) => q.groupId === g.id));
  const setHours = (i: number, patch: Partial<Hours>) =>
    setDraft({ ...draft, hours: draft.hours.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? id;
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={initial ? t("editLabel", { name: initial.name }) : t("newQueue")}
      className="space-y-4 rounded-lg border border-sky-200 dark:border-sky-800 bg-white dark:bg-slate-900 p-4"
    >
      {pccManaged && (
        <p className="rounded bg-sky-50 dark:bg-sky-950 p-2 text-xs text-sky-900 dark:text-sky-100">
          {tDir("pccManagedQueueFields")}
        </p>
      )}
      <Section title={t("sections.queue")}>
        <Field field="id" error={errors.id}>
          <input
            className={fieldInput}
            name="id"
            maxLength={128}
            disabled={locked("id")}
            value={draft.id}
            onChange={(e) => setDraft({ ...draft, id: e.target.value })}
          />
        </Field>
        <Field field="name" error={errors.name}>
          <input
            className={fieldInput}
            name="name"
            maxLength={120}
            disabled={locked("name")}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </Field>
        <Field field="strategy" error={errors.strategy}>
          <select
            className={fieldInput}
            name="strategy"
            value={draft.strategy}
            onChange={(e) => setDraft({ ...draft, strategy: e.target.value as Strategy })}
          >
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        {numberField("maxConsecutiveMisses", t("emptyIsNever"))}
        {numberField("randomSeed")}
      </Section>
      <Section title={t("sections.groups")}>
        <div className="md:col-span-4">
          <ol className="space-y-1 text-sm">
            {draft.groups.map((g, i) => (
              <li
                key={g.groupId}
                className="flex flex-wrap items-center gap-2"
                data-testid={`queue-group-${g.groupId}`}
              >
                <span className="w-6 text-right tabular-nums text-slate-500 dark:text-slate-400">
                  {i + 1}.
                </span>
                <span className="min-w-40 font-medium text-slate-900 dark:text-slate-100">
                  {groupName(g.groupId)}
                </span>
                <select
                  aria-label={t("primaryOrBackup", { group: groupName(g.groupId) })}
                  className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-xs"
                  disabled={locked("groups")}
                  value={g.primary ? "primary" : "backup"}
                  onChange={(e) =>
                    setGroups(
                      draft.groups.map((x, j) =>
                        j === i ? { ...x, primary: e.target.value === "primary" } : x,
                      ),
                    )
                  }
                >
                  <option value="primary">{t("primary")}</option>
                  <option value="backup">{t("backup")}</option>
                </select>
                <button
                  type="button"
                  className={small}
                  disabled={locked("groups") || i === 0}
                  onClick={() => setGroups(swap(draft.groups, i, i - 1))}
                >
                  {t("up")}
                </button>
                <button
                  type="button"
                  className={small}
                  disabled={locked("groups") || i === draft.groups.length - 1}
                  onClick={() => setGroups(swap(draft.groups, i, i + 1))}
                >
                  {t("down")}
                </button>
                <button
                  type="button"
                  className={small}
                  disabled={locked("groups")}
                  onClick={() => setGroups(draft.groups.filter((_, j) => j !== i))}
                >
                  {t("removeGroup")}
                </button>
              </li>
            ))}
          </ol>
          {!locked("groups") && unused.length > 0 && (
            <label className="mt-2 block text-sm text-slate-700 dark:text-slate-300">
              {t("addGroup")}
              <select
                className={`${fieldInput} max-w-xs`}
                name="addGroup"
                value=""
                onChange={(e) =>
                  e.target.value && setGroups([...draft.groups, { groupId: e.target.value, primary: true }])
                }
              >
                <option value="">—</option>
                {unused.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <FieldError message={errors.groups} />
        </div>
        {numberField("routeToBackupAfterSec", t("emptyIsAtOnce"))}
      </Section>
      <Section title={t("sections.routing")}>
        {numberField("waitAgentAnswerTimeout")}
        <Field field="agentWrapUpAfterCalls" error={errors.agentWrapUpAfterCalls}>
          <input
            type="checkbox"
            name="agentWrapUpAfterCalls"
            className="mt-2 block"
            disabled={locked("agentWrapUpAfterCalls")}
            checked={draft.agentWrapUpAfterCalls}
            onChange={(e) => setDraft({ ...draft, agentWrapUpAfterCalls: e.target.checked })}
          />
        </Field>
        {numberField("wrapUpTimeLimit")}
        {numberField("maximumQueueSize")}
        {numberField("maximumQueueWaitTime")}
      </Section>
      <Section title={t("sections.schedule")}>
        <Field field="schedule" error={errors.schedule}>
          <select
            className={fieldInput}
            name="scheduleKind"
            disabled={locked("schedule")}
            value={draft.scheduleKind}
            onChange={(e) => setDraft({ ...draft, scheduleKind: e.target.value as Draft["scheduleKind"] })}
          >
            <option value="always">{t("always")}</option>
            <option value="business-hours">{t("businessHours")}</option>
          </select>
        </Field>
        {draft.scheduleKind === "business-hours" && (
          <div className="space-y-2 md:col-span-3">
            <label className="block text-sm text-slate-700 dark:text-slate-300">
              {t("timeZone")}
              <input
                className={`${fieldInput} max-w-xs`}
                disabled={locked("schedule")}
                value={draft.timeZone}
                onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}
              />
            </label>
            {draft.hours.map((h, i) => (
              <fieldset
                key={i}
                className="flex flex-wrap items-center gap-2 text-xs"
                disabled={locked("schedule")}
              >
                {WEEK_DAYS.map((d) => (
                  <label key={d} className="flex items-center gap-1">
                    <input
                      type="checkbox"
                      checked={h.days.includes(d)}
                      onChange={(e) =>
                        setHours(i, {
                          days: e.target.checked ? [...h.days, d].sort() : h.days.filter((x) => x !== d),
                        })
                      }
                    />
                    {t(`days.${d}`)}
                  </label>
                ))}
                <label>
                  {t("open")}{" "}
                  <input
                    type="time"
                    className="rounded border border-slate-300 dark:border-slate-600 px-1"
                    value={h.open}
                    onChange={(e) => setHours(i, { open: e.target.value })}
                  />
                </label>
                <label>
                  {t("close")}{" "}
                  <input
                    type="time"
                    className="rounded border border-slate-300 dark:border-slate-600 px-1"
                    value={h.close}
                    onChange={(e) => setHours(i, { close: e.target.value })}
                  />
                </label>
                <button
                  type="button"
                  className={small}
                  onClick={() => setDraft({ ...draft, hours: draft.hours.filter((_, j) => j !== i) })}
                >
                  {t("removeGroup")}
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className={small}
              disabled={locked("schedule")}
              onClick={() =>
                setDraft({ ...draft, hours: [...draft.hours, { days: [6], open: "08:00", close: "12:00" }] })
              }
            >
              {t("addHours")}
            </button>
          </div>
        )}
      </Section>
      <Section title={t("sections.kpi")}>
        {numberField("serviceLevelSec")}
        {numberField("serviceLevelTarget")}
        {numberField("shortAbandonSec")}
        {numberField("kpiWindowMin")}
        {numberField("longestWaitAmberSec")}
        {numberField("longestWaitRedSec")}
      </Section>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {initial ? t("save") : t("createButton")}
        </button>
        <button type="button" className={small} onClick={props.onCancel}>
          {t("cancel")}
        </button>
        <ErrorAlert error={props.error} />
      </div>
    </form>
  );
}

function swap<T>(list: T[], i: number, j: number): T[] {
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-3 border-t border-slate-100 dark:border-slate-800 pt-3 md:grid-cols-4">
      <legend className="pr-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {title}
      </legend>
      {children}
    </fieldset>
  );
}

function Field({
  field,
  error,
  hint,
  children,
}: {
  field: keyof Messages["directory"]["fields"];
  error: string | undefined;
  hint?: string;
  children: ReactNode;
}) {
  const tField = useTranslations("directory.fields");
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is `children`
    <label className="text-sm text-slate-700 dark:text-slate-300">
      {tField(field)}
      {children}
      {hint && <span className="mt-0.5 block text-xs text-slate-500 dark:text-slate-400">{hint}</span>}
      <FieldError message={error} />
    </label>
  );
}
