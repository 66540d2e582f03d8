"use client";

import { groupConfigSchema, groupMemberChangesSchema } from "@callboard/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { fieldErrors, serverFieldErrors } from "~/lib/field-errors";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "./error-alert";
import { FieldError } from "./field-error";
import { FormField, fieldInput, TextField } from "./form-field";
import { usePccManaged } from "./use-pcc-managed";

const button =
  "rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-xs hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-50";

/** Ids typed or pasted as a list: spaces, commas and new lines separate them; repeats count once. */
const idList = (text: string): string[] => [...new Set(text.split(/[\s,;]+/).filter(Boolean))];

function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.groups.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.agents.list.queryKey() }),
    ]);
}

type Group = {
  id: string;
  name: string;
  members: string[];
  memberNames: string[];
  version: number;
  queues: { id: string; name: string }[];
};

/** Admins create, rename and delete groups, and add or remove many members at once. */
export function GroupsAdmin() {
  const t = useTranslations("directory.groups");
  const tDir = useTranslations("directory");
  const trpc = useTRPC();
  const managed = usePccManaged();
  const groups = useQuery(trpc.groups.list.queryOptions());
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">{t("title")}</h1>
      {managed ? (
        <p className="rounded bg-sky-50 dark:bg-sky-950 p-3 text-sm text-sky-900 dark:text-sky-100">
          {tDir("pccManagedGroups")}
        </p>
      ) : (
        <CreateGroupForm />
      )}
      <ErrorAlert error={groups.error} />
      {groups.data?.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">{t("none")}</p>}
      <div className="space-y-3">
        {groups.data?.map((group) => (
          <GroupCard key={group.id} group={group} managed={managed} />
        ))}
      </div>
    </div>
  );
}

function CreateGroupForm() {
  const t = useTranslations("directory.groups");
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [form, setForm] = useState({ id: "", name: "", members: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.groups.create.mutationOptions({
      onSuccess: () => {
        setForm({ id: "", name: "", members: "" });
        void invalidate();
      },
      onError: (error) =>
        setErrors(serverFieldErrors(error, { "already exists": "id", "does not exist": "members" })),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A group and its first members are one event: nobody sees the group empty first.
    const parsed = groupConfigSchema.safeParse({ ...form, members: idList(form.members) });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    create.mutate({ group: parsed.data });
  };
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("create")}
      className="grid gap-3 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 md:grid-cols-6"
    >
      <TextField
        label={t("id")}
        error={errors.id}
        className="md:col-span-1"
        name="id"
        autoComplete="off"
        maxLength={128}
        {...field("id")}
      />
      <TextField
        label={t("name")}
        error={errors.name}
        className="md:col-span-2"
        name="name"
        maxLength={120}
        {...field("name")}
      />
      <FormField label={t("members")} error={errors.members} className="md:col-span-2">
        {(control) => (
          <textarea
            className={fieldInput}
            name="members"
            rows={1}
            placeholder={t("membersHint")}
            {...control}
            {...field("members")}
          />
        )}
      </FormField>
      <div className="flex items-end md:col-span-1">
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {t("createButton")}
        </button>
      </div>
      {create.error && !Object.keys(errors).length && (
        <ErrorAlert error={create.error} className="md:col-span-6" />
      )}
    </form>
  );
}

function GroupCard({ group, managed }: { group: Group; managed: boolean }) {
  const t = useTranslations("directory.groups");
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [name, setName] = useState(group.name);
  const [adding, setAdding] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [nameError, setNameError] = useState<string>();
  const [addError, setAddError] = useState<string>();
  const settle = { onSettled: () => void invalidate() };
  const rename = useMutation(trpc.groups.update.mutationOptions(settle));
  const members = useMutation(
    trpc.groups.changeMembers.mutationOptions({
      ...settle,
      onSuccess: () => {
        setAdding("");
        setSelected(new Set());
      },
    }),
  );
  const remove = useMutation(trpc.groups.remove.mutationOptions(settle));
  const submitRename = (event: FormEvent) => {
    event.preventDefault();
    const parsed = groupConfigSchema.safeParse({ id: group.id, name, members: group.members });
    setNameError(parsed.success ? undefined : fieldErrors(parsed.error).name);
    if (parsed.success) rename.mutate({ group: parsed.data, version: group.version });
  };
  const change = (add: string[], removeIds: string[], setError?: (m: string | undefined) => void) => {
    const parsed = groupMemberChangesSchema.safeParse([{ groupId: group.id, add, remove: removeIds }]);
    setError?.(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (parsed.success) members.mutate({ changes: parsed.data });
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const problem = rename.error ?? members.error ?? remove.error;
  return (
    <section
      aria-label={group.name}
      data-testid={`group-${group.id}`}
      className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4"
    >
      <div className="flex flex-wrap items-start gap-3">
        <form onSubmit={submitRename} noValidate className="flex items-start gap-2">
          <label className="text-sm text-slate-700 dark:text-slate-300">
            <span className="sr-only">{t("name")}</span>
            <input
              aria-label={t("nameOf", { id: group.id })}
              className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-sm font-medium disabled:bg-slate-100 dark:disabled:bg-slate-800"
              maxLength={120}
              disabled={managed}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <FieldError message={nameError} />
          </label>
          {!managed && (
            <button type="submit" className={button} disabled={rename.isPending || name === group.name}>
              {t("rename")}
            </button>
          )}
        </form>
        <span className="text-xs text-slate-500 dark:text-slate-400">{group.id}</span>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {t("memberCount", { count: group.members.length })}
        </span>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {t("usedBy")}: {group.queues.map((q) => q.name).join(", ") || t("unused")}
        </span>
        {!managed &&
          (confirming ? (
            <button
              type="button"
              className={`${button} ml-auto border-red-300 dark:border-red-800 text-red-700 dark:text-red-300`}
              onClick={() => remove.mutate({ groupId: group.id, version: group.version })}
            >
              {t("confirmRemove")}
            </button>
          ) : (
            <button type="button" className={`${button} ml-auto`} onClick={() => setConfirming(true)}>
              {t("remove")}
            </button>
          ))}
      </div>
      <ErrorAlert error={problem} className="mt-2" />
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <fieldset className="min-w-0">
          <legend className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
            {t("members")}
          </legend>
          <ul className="mt-1 max-h-48 overflow-y-auto text-sm">
            {group.members.map((id, i) => (
              <li key={id}>
                <label className="flex items-center gap-2 py-0.5">
                  <input
                    type="checkbox"
                    disabled={managed}
                    checked={selected.has(id)}
                    onChange={() => toggle(id)}
                  />
                  <span className="text-slate-900 dark:text-slate-100">{group.memberNames[i]}</span>
                  <span className="text-xs text-slate-500 dark:text-slate-400">{id}</span>
                </label>
              </li>
            ))}
          </ul>
          {!managed && (
            <button
              type="button"
              className={`${button} mt-2`}
              disabled={selected.size === 0 || members.isPending}
              onClick={() => change([], [...selected])}
            >
              {t("removeSelected", { count: selected.size })}
            </button>
          )}
        </fieldset>
        {!managed && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              change(idList(adding), [], setAddError);
            }}
          >
            <label className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
              {t("add")}
              <textarea
                className={fieldInput}
                rows={3}
                placeholder={t("membersHint")}
                value={adding}
                onChange={(e) => setAdding(e.target.value)}
              />
            </label>
            <FieldError message={addError} />
            <button
              type="submit"
              className={`${button} mt-2`}
              disabled={adding.trim() === "" || members.isPending}
            >
              {t("addButton")}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
