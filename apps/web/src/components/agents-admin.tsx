"use client";

import { agentProfileSchema, manualStatusSchema } from "@callboard/contracts";
import { MANUAL_STATUSES, type ManualStatus } from "@callboard/routing";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useDeferredValue, useState } from "react";
import { fieldErrors, serverFieldErrors } from "~/lib/field-errors";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "./error-alert";
import { FormField, fieldInput, TextField } from "./form-field";
import { usePccManaged } from "./use-pcc-managed";

const PAGE_SIZE = 50;
const button =
  "rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-xs hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-50";

interface Draft {
  id: string;
  name: string;
  phoneNumber: string;
  routingType: "1" | "2";
  initialManualStatus: ManualStatus;
}

const EMPTY: Draft = {
  id: "",
  name: "",
  phoneNumber: "",
  routingType: "1",
  initialManualStatus: "NOT_AVAILABLE",
};

/** The draft as the shared schema checks it: an empty number is "none configured". */
function parseDraft(draft: Draft) {
  return agentProfileSchema.safeParse({
    id: draft.id,
    name: draft.name,
    phoneNumber: draft.phoneNumber.trim() === "" ? null : draft.phoneNumber.trim(),
    routingType: Number(draft.routingType),
  });
}

function useInvalidateAgents() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.agents.list.queryKey() });
}

/** Admins create, edit, find and delete agents; the list pages on the server (10,000+ agents). */
export function AgentsAdmin() {
  const t = useTranslations("directory.agents");
  const trpc = useTRPC();
  const managed = usePccManaged();
  const [search, setSearch] = useState("");
  const [offset, setOffset] = useState(0);
  const query = useDeferredValue(search);
  const list = useQuery({
    ...trpc.agents.list.queryOptions({ search: query, offset, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">{t("title")}</h1>
      {managed && (
        <p className="rounded bg-sky-50 dark:bg-sky-950 p-3 text-sm text-sky-900 dark:text-sky-100">
          {t("writtenToPcc")}
        </p>
      )}
      <CreateAgentForm />
      <section
        aria-label={t("title")}
        className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900"
      >
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 dark:border-slate-800 p-3">
          <label className="text-sm text-slate-700 dark:text-slate-300">
            <span className="sr-only">{t("search")}</span>
            <input
              type="search"
              aria-label={t("search")}
              placeholder={t("searchPlaceholder")}
              maxLength={120}
              className="w-64 rounded border border-slate-300 dark:border-slate-600 px-2 py-1.5 text-sm"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setOffset(0);
              }}
            />
          </label>
          <span
            className="ml-auto text-sm tabular-nums text-slate-600 dark:text-slate-400"
            data-testid="agents-page"
          >
            {t("page", { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total), total })}
          </span>
          <button
            type="button"
            className={button}
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            {t("previous")}
          </button>
          <button
            type="button"
            className={button}
            disabled={offset + PAGE_SIZE >= total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            {t("next")}
          </button>
        </div>
        <ErrorAlert error={list.error} className="p-3" />
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 dark:bg-slate-800 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
            <tr>
              <th className="px-3 py-2">{t("name")}</th>
              <th className="px-3 py-2">{t("phone")}</th>
              <th className="px-3 py-2">{t("routingType")}</th>
              <th className="px-3 py-2">{t("status")}</th>
              <th className="px-3 py-2">{t("groups")}</th>
              <th className="px-3 py-2">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((row) => (
              <AgentRow key={row.id} row={row} managed={managed} />
            ))}
          </tbody>
        </table>
        {list.data?.rows.length === 0 && (
          <p className="p-4 text-sm text-slate-500 dark:text-slate-400">{t("none")}</p>
        )}
      </section>
    </div>
  );
}

type Row = {
  id: string;
  name: string;
  phoneNumber: string | null;
  routingType: 1 | 2;
  manualStatus: ManualStatus;
  version: number;
  groupIds: string[];
  busy: boolean;
};

function CreateAgentForm() {
  const t = useTranslations("directory.agents");
  const trpc = useTRPC();
  const invalidate = useInvalidateAgents();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.agents.create.mutationOptions({
      onSuccess: () => {
        setDraft(EMPTY);
        void invalidate();
      },
      onError: (error) => setErrors(serverFieldErrors(error, { exists: "id" })),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The server's own schemas: each problem shows beside its field before anything is sent.
    const agent = parseDraft(draft);
    const status = manualStatusSchema.safeParse(draft.initialManualStatus);
    if (!agent.success || !status.success) {
      setErrors({
        ...(agent.success ? {} : fieldErrors(agent.error)),
        ...(status.success ? {} : { initialManualStatus: status.error.issues[0]?.message ?? "" }),
      });
      return;
    }
    setErrors({});
    create.mutate({ agent: agent.data, initialManualStatus: status.data });
  };
  return (
    <form
      onSubmit={submit}
      aria-label={t("create")}
      noValidate
      className="grid gap-3 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 md:grid-cols-6"
    >
      <AgentFields draft={draft} setDraft={setDraft} errors={errors} editing={false} />
      <div className="flex items-end md:col-span-1">
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {create.isPending ? t("creating") : t("createButton")}
        </button>
      </div>
      {create.error && !Object.keys(errors).length && (
        <ErrorAlert error={create.error} className="md:col-span-6" />
      )}
    </form>
  );
}

function AgentFields({
  draft,
  setDraft,
  errors,
  editing,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  errors: Record<string, string>;
  editing: boolean;
}) {
  const t = useTranslations("directory.agents");
  const statusName = useTranslations("manualStatus");
  const field = <K extends keyof Draft>(key: K) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  });
  return (
    <>
      <TextField
        label={t("id")}
        error={errors.id}
        className="md:col-span-1"
        name="id"
        autoComplete="off"
        maxLength={128}
        disabled={editing}
        {...field("id")}
      />
      <TextField
        label={t("name")}
        error={errors.name}
        className="md:col-span-1"
        name="name"
        maxLength={120}
        {...field("name")}
      />
      <TextField
        label={t("phone")}
        error={errors.phoneNumber}
        className="md:col-span-1"
        name="phoneNumber"
        inputMode="tel"
        placeholder={t("phoneHint")}
        maxLength={64}
        {...field("phoneNumber")}
      />
      <FormField label={t("routingType")} error={errors.routingType} className="md:col-span-1">
        {(control) => (
          <select className={fieldInput} name="routingType" {...control} {...field("routingType")}>
            <option value="1">{t("routingTypes.1")}</option>
            <option value="2">{t("routingTypes.2")}</option>
          </select>
        )}
      </FormField>
      {!editing && (
        <FormField label={t("initialStatus")} error={errors.initialManualStatus} className="md:col-span-1">
          {(control) => (
            <select
              className={fieldInput}
              name="initialManualStatus"
              {...control}
              {...field("initialManualStatus")}
            >
              {MANUAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusName(s)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
    </>
  );
}

function AgentRow({ row, managed }: { row: Row; managed: boolean }) {
  const t = useTranslations("directory.agents");
  const statusName = useTranslations("manualStatus");
  const trpc = useTRPC();
  const invalidate = useInvalidateAgents();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useMutation(
    trpc.agents.update.mutationOptions({
      onSuccess: () => setEditing(false),
      onError: (error) => setErrors(serverFieldErrors(error, {})),
      onSettled: () => void invalidate(),
    }),
  );
  const remove = useMutation(trpc.agents.remove.mutationOptions({ onSettled: () => void invalidate() }));
  const startEditing = () => {
    setDraft({
      id: row.id,
      name: row.name,
      phoneNumber: row.phoneNumber ?? "",
      routingType: String(row.routingType) as Draft["routingType"],
      initialManualStatus: row.manualStatus,
    });
    setErrors({});
    update.reset();
    setEditing(true);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const agent = parseDraft(draft);
    if (!agent.success) {
      setErrors(fieldErrors(agent.error));
      return;
    }
    setErrors({});
    update.mutate({ agent: agent.data, version: row.version });
  };
  if (editing) {
    return (
      <tr
        className="border-t border-slate-100 dark:border-slate-800 bg-sky-50/40 dark:bg-sky-950/40"
        data-testid={`agent-${row.id}`}
      >
        <td colSpan={6} className="px-3 py-2">
          <form
            onSubmit={save}
            noValidate
            aria-label={t("editLabel", { name: row.name })}
            className="grid gap-3 md:grid-cols-6"
          >
            <AgentFields draft={draft} setDraft={setDraft} errors={errors} editing />
            <div className="flex items-end gap-2 md:col-span-2">
              <button type="submit" disabled={update.isPending} className={button}>
                {t("save")}
              </button>
              <button type="button" className={button} onClick={() => setEditing(false)}>
                {t("cancel")}
              </button>
            </div>
            <ErrorAlert error={update.error} className="md:col-span-6" />
          </form>
        </td>
      </tr>
    );
  }
  return (
    <tr className="border-t border-slate-100 dark:border-slate-800 align-top" data-testid={`agent-${row.id}`}>
      <td className="px-3 py-2">
        <div className="font-medium text-slate-900 dark:text-slate-100">{row.name}</div>
        <div className="text-xs text-slate-500 dark:text-slate-400">{row.id}</div>
      </td>
      <td className="px-3 py-2 tabular-nums text-slate-700 dark:text-slate-300">{row.phoneNumber ?? "—"}</td>
      <td className="px-3 py-2 text-slate-700 dark:text-slate-300">{t(`routingTypes.${row.routingType}`)}</td>
      <td className="px-3 py-2 text-slate-700 dark:text-slate-300">{statusName(row.manualStatus)}</td>
      <td className="px-3 py-2 text-xs text-slate-600 dark:text-slate-400">
        {row.groupIds.join(", ") || "—"}
      </td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={button} onClick={startEditing}>
            {t("edit")}
          </button>
          {managed ? null : confirming ? (
            <button
              type="button"
              className={`${button} border-red-300 dark:border-red-800 text-red-700 dark:text-red-300`}
              disabled={remove.isPending}
              onClick={() => remove.mutate({ agentId: row.id, version: row.version })}
            >
              {t("confirmRemove")}
            </button>
          ) : (
            <button
              type="button"
              className={button}
              title={row.busy ? t("busy") : undefined}
              onClick={() => setConfirming(true)}
            >
              {t("remove")}
            </button>
          )}
        </div>
        <ErrorAlert error={remove.error} className="mt-1 max-w-xs text-xs" />
      </td>
    </tr>
  );
}
