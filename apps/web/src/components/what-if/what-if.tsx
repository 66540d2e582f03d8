"use client";

import { STRATEGIES } from "@callboard/routing";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { serverFieldErrors } from "~/lib/field-errors";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "../error-alert";
import { FieldError } from "../field-error";
import { useFormat } from "../use-format";
import { CHANGE_KINDS, defaultForm, toRequest, type WhatIfForm } from "./what-if-form";
import { WhatIfResultView } from "./what-if-result";
import type { WhatIfStatus } from "./what-if-types";

const input = "rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900";
const label = "flex flex-col gap-1 text-slate-700 dark:text-slate-300";

/**
 * What-if replay: a queue, a past period of up to a day and one change; the run happens on the
 * server in a worker thread, followed here by polling its status (progress bar, cancel), then the
 * comparison with the real day.
 */
export function WhatIf() {
  const t = useTranslations("whatIf");
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const queues = useQuery(trpc.center.queues.queryOptions());
  const [form, setForm] = useState<WhatIfForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [runId, setRunId] = useState<string | null>(null);

  const firstQueue = queues.data?.[0]?.id;
  useEffect(() => {
    if (form === null && firstQueue) setForm({ queueId: firstQueue, ...defaultForm(Date.now()) });
  }, [form, firstQueue]);

  const status = useQuery(
    trpc.whatIf.status.queryOptions(
      { runId: runId ?? "" },
      {
        enabled: runId !== null,
        refetchInterval: (query) => (query.state.data?.state === "running" ? 400 : false),
      },
    ),
  );
  const start = useMutation(
    trpc.whatIf.start.mutationOptions({
      onSuccess: ({ runId }) => setRunId(runId),
      onError: (error) => setErrors(serverFieldErrors(error, {})),
    }),
  );
  const cancel = useMutation(trpc.whatIf.cancel.mutationOptions({ onSuccess: () => status.refetch() }));

  if (me.data && me.data.role !== "supervisor" && me.data.role !== "admin")
    return (
      <p role="alert" className="rounded bg-amber-50 p-4 text-amber-900">
        {t("forSupervisors", { role: me.data.role })}
      </p>
    );
  if (queues.data && queues.data.length === 0) return <p className="text-slate-600">{t("noQueues")}</p>;
  if (form === null) return <p className="text-slate-500">{t("loading")}</p>;

  const set = (patch: Partial<WhatIfForm>) => setForm({ ...form, ...patch });
  const running = status.data?.state === "running";
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const request = toRequest(form, Date.now(), (reason) => t(`period.${reason}`));
    if (!request.ok) {
      setErrors(request.errors);
      return;
    }
    setErrors({});
    start.mutate(request.input);
  };

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">{t("title")}</h1>
      <form
        className="flex flex-wrap items-start gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900"
        aria-label={t("formLabel")}
        onSubmit={submit}
        noValidate
      >
        <div className={label}>
          <label htmlFor="what-if-queue">{t("queue")}</label>
          <select
            id="what-if-queue"
            className={input}
            value={form.queueId}
            onChange={(e) => set({ queueId: e.target.value })}
          >
            {(queues.data ?? []).map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
          <FieldError message={errors.queueId} />
        </div>
        <MomentField
          id="what-if-from"
          label={t("from")}
          value={form.from}
          error={errors.from}
          onChange={(from) => set({ from })}
        />
        <MomentField
          id="what-if-to"
          label={t("to")}
          value={form.to}
          error={errors.to}
          onChange={(to) => set({ to })}
        />
        <div className={label}>
          <label htmlFor="what-if-change">{t("change")}</label>
          <select
            id="what-if-change"
            className={input}
            value={form.kind}
            onChange={(e) => set({ kind: e.target.value as WhatIfForm["kind"] })}
          >
            {CHANGE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {form.kind === "strategy" ? (
          <div className={label}>
            <label htmlFor="what-if-strategy">{t("strategy")}</label>
            <select
              id="what-if-strategy"
              className={input}
              value={form.strategy}
              onChange={(e) => set({ strategy: e.target.value as WhatIfForm["strategy"] })}
            >
              {STRATEGIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        ) : form.kind === "agents" ? (
          <div className={label}>
            <label htmlFor="what-if-delta">{t("delta")}</label>
            <input
              id="what-if-delta"
              type="number"
              className={`${input} w-28`}
              value={form.delta}
              aria-invalid={errors.delta ? true : undefined}
              onChange={(e) => set({ delta: e.target.value })}
            />
            <FieldError message={errors.delta} />
          </div>
        ) : (
          <div className={label}>
            <label htmlFor="what-if-seconds">
              {t(form.kind === "answer-timeout" ? "answerTimeout" : "backupDelay")}
            </label>
            <input
              id="what-if-seconds"
              type="number"
              className={`${input} w-28`}
              value={form.seconds}
              aria-invalid={errors.seconds ? true : undefined}
              onChange={(e) => set({ seconds: e.target.value })}
            />
            <FieldError message={errors.seconds} />
          </div>
        )}
        <div className="flex flex-col gap-1">
          <span aria-hidden className="invisible">
            {t("run")}
          </span>
          <button
            type="submit"
            disabled={running || start.isPending}
            className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-50"
          >
            {t("run")}
          </button>
        </div>
        {errors.form && <ErrorAlert error={new Error(errors.form)} className="basis-full" />}
        {start.error && Object.keys(serverFieldErrors(start.error, {})).length === 0 && (
          <ErrorAlert error={start.error} className="basis-full" />
        )}
      </form>
      <Help />
      {status.error && <ErrorAlert error={status.error} />}
      {/* From the click: a short run may be done before its first status arrives. */}
      {(start.isPending || (runId !== null && status.isPending)) && <Progress progress={0} />}
      {status.data && (
        <RunStatus status={status.data} onCancel={() => cancel.mutate({ runId: status.data.runId })} />
      )}
    </div>
  );
}

function RunStatus({ status, onCancel }: { status: WhatIfStatus; onCancel: () => void }) {
  const t = useTranslations("whatIf");
  const f = useFormat();
  if (status.state === "running") return <Progress progress={status.progress} onCancel={onCancel} />;
  if (status.state === "cancelled") return <p className="text-sm text-slate-600">{t("cancelled")}</p>;
  if (status.state === "failed")
    return (
      <p role="alert" className="text-sm text-red-700">
        {t("failed", { message: status.message })}
      </p>
    );
  const { result } = status;
  if (result.kind === "no-data")
    return (
      <p role="status" className="rounded bg-amber-50 p-4 text-sm text-amber-900">
        {t("noData", { from: f.dateTime(result.from), to: f.dateTime(result.to) })}
      </p>
    );
  return <WhatIfResultView result={result} ms={status.ms} />;
}

/** One end of the period: a local date and time to the second, its problem beside it. */
function MomentField(props: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className={label}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="datetime-local"
        step={1}
        className={input}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}

/** The run's progress bar; cancel once the server has named the run. */
function Progress({ progress, onCancel }: { progress: number; onCancel?: () => void }) {
  const t = useTranslations("whatIf");
  const f = useFormat();
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex items-center gap-3 text-sm">
        <label htmlFor="what-if-progress" className="text-slate-700 dark:text-slate-300">
          {t("running")}
        </label>
        <progress id="what-if-progress" className="h-3 flex-1" max={1} value={progress} />
        <span className="w-10 tabular-nums text-slate-600 dark:text-slate-400">{f.percent(progress)}</span>
        <button
          type="button"
          onClick={onCancel}
          disabled={!onCancel}
          className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          {t("cancel")}
        </button>
      </div>
    </section>
  );
}

/** The model, said once on the page (and in docs/decisions/0017-what-if-replay-model.md). */
function Help() {
  const t = useTranslations("whatIf");
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
      <summary className="cursor-pointer font-medium">{t("help.title")}</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>{t("help.inputs")}</li>
        <li>{t("help.answers")}</li>
        <li>{t("help.draws")}</li>
        <li>{t("help.callers")}</li>
        <li>{t("help.agents")}</li>
        <li>{t("help.proof")}</li>
      </ul>
    </details>
  );
}
