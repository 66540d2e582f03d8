"use client";

import type { QueueConfig } from "@callboard/routing";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { serverFieldErrors } from "~/lib/field-errors";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "./error-alert";
import { QueueForm } from "./queue-form";
import { usePccManaged } from "./use-pcc-managed";

const button =
  "rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-xs hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-50";

/** Admins create queues, edit every setting (a stale edit is refused) and delete idle ones. */
export function QueuesAdmin() {
  const t = useTranslations("directory.queues");
  const tDir = useTranslations("directory");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const managed = usePccManaged();
  const queues = useQuery(trpc.queues.list.queryOptions());
  const groups = useQuery(trpc.groups.list.queryOptions());
  // null: no form; "new": the create form; otherwise the id of the queue being edited.
  const [open, setOpen] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.queues.list.queryKey() });
  const done = { onSuccess: () => setOpen(null), onSettled: () => void invalidate() };
  const create = useMutation(trpc.queues.create.mutationOptions(done));
  const update = useMutation(trpc.queues.update.mutationOptions(done));
  const groupOptions = (groups.data ?? []).map((g) => ({ id: g.id, name: g.name }));
  const formFor = (queue: QueueConfig | null, version: number) => {
    const mutation = queue ? update : create;
    return (
      <QueueForm
        key={queue?.id ?? "new"}
        initial={queue}
        groups={groupOptions}
        pccManaged={managed}
        pending={mutation.isPending}
        error={mutation.error}
        serverErrors={
          mutation.error ? serverFieldErrors(mutation.error, queue ? {} : { "already exists": "id" }) : {}
        }
        onSubmit={(next) =>
          queue ? update.mutate({ queue: next, version }) : create.mutate({ queue: next })
        }
        onCancel={() => setOpen(null)}
      />
    );
  };
  const openForm = (id: string) => {
    create.reset();
    update.reset();
    setOpen(id);
  };
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">{t("title")}</h1>
        {!managed && open !== "new" && (
          <button type="button" className={`${button} ml-auto`} onClick={() => openForm("new")}>
            {t("newQueue")}
          </button>
        )}
      </div>
      {managed && (
        <p className="rounded bg-sky-50 dark:bg-sky-950 p-3 text-sm text-sky-900 dark:text-sky-100">
          {tDir("pccManagedQueues")}
        </p>
      )}
      {open === "new" && formFor(null, 0)}
      <ErrorAlert error={queues.error ?? groups.error} />
      {queues.data?.length === 0 && open !== "new" && (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t("none")}</p>
      )}
      <div className="space-y-3">
        {queues.data?.map((row) =>
          open === row.queue.id ? (
            formFor(row.queue, row.version)
          ) : (
            <QueueSummaryRow
              key={row.queue.id}
              queue={row.queue}
              version={row.version}
              calls={row.calls}
              managed={managed}
              groupName={(id) => groupOptions.find((g) => g.id === id)?.name ?? id}
              onEdit={() => openForm(row.queue.id)}
              onRemoved={() => void invalidate()}
            />
          ),
        )}
      </div>
    </div>
  );
}

function QueueSummaryRow(props: {
  queue: QueueConfig;
  version: number;
  calls: number;
  managed: boolean;
  groupName: (id: string) => string;
  onEdit: () => void;
  onRemoved: () => void;
}) {
  const t = useTranslations("directory.queues");
  const { queue } = props;
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(trpc.queues.remove.mutationOptions({ onSettled: props.onRemoved }));
  return (
    <section
      aria-label={queue.name}
      data-testid={`queue-${queue.id}`}
      className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 text-sm"
    >
      <div>
        <div className="font-medium text-slate-900 dark:text-slate-100">{queue.name}</div>
        <div className="text-xs text-slate-500 dark:text-slate-400">{queue.id}</div>
      </div>
      <span className="text-slate-700 dark:text-slate-300">{queue.strategy}</span>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        {queue.groups
          .map((g) => `${props.groupName(g.groupId)} (${g.primary ? t("primary") : t("backup")})`)
          .join(" → ")}
      </span>
      <span className="text-xs text-slate-600 dark:text-slate-400">{t("calls", { count: props.calls })}</span>
      <div className="ml-auto flex gap-2">
        <button type="button" className={button} onClick={props.onEdit}>
          {t("edit")}
        </button>
        {!props.managed &&
          (confirming ? (
            <button
              type="button"
              className={`${button} border-red-300 dark:border-red-800 text-red-700 dark:text-red-300`}
              onClick={() => remove.mutate({ queueId: queue.id, version: props.version })}
            >
              {t("confirmRemove")}
            </button>
          ) : (
            <button type="button" className={button} onClick={() => setConfirming(true)}>
              {t("remove")}
            </button>
          ))}
      </div>
      <ErrorAlert error={remove.error} className="w-full" />
    </section>
  );
}
