"use client";

import { createUserSchema, ROLES, type Role, type UserSummary } from "@callboard/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { errorMessage, fieldErrors } from "~/lib/field-errors";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "./error-alert";
import { FormField, fieldInput, TextField } from "./form-field";
import { useFormat } from "./use-format";

/** Admins create people, change their role, disable them and reset their password. */
export function UsersAdmin() {
  const t = useTranslations("users");
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions());
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">{t("heading")}</h1>
      <CreateUserForm />
      <section
        aria-label={t("heading")}
        className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900"
      >
        <ErrorAlert error={users.error} className="p-4" />
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 dark:bg-slate-800 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
            <tr>
              <th className="px-3 py-2">{t("user")}</th>
              <th className="px-3 py-2">{t("role")}</th>
              <th className="px-3 py-2">{t("agent")}</th>
              <th className="px-3 py-2">{t("lastSignIn")}</th>
              <th className="px-3 py-2">{t("status")}</th>
              <th className="px-3 py-2">{t("password")}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((user) => (
              <UserRow key={user.userId} user={user} />
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function useInvalidateUsers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
}

function CreateUserForm() {
  const t = useTranslations("users");
  const roleName = useTranslations("roles");
  const trpc = useTRPC();
  const invalidate = useInvalidateUsers();
  const [form, setForm] = useState({
    username: "",
    name: "",
    role: "viewer" as Role,
    password: "",
    agentId: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: () => {
        setForm({ username: "", name: "", role: "viewer", password: "", agentId: "" });
        void invalidate();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The same schema the server checks, so each problem shows beside its field before sending.
    const parsed = createUserSchema.safeParse({
      ...form,
      agentId: form.role === "agent" ? form.agentId || null : null,
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  };
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  return (
    <form
      onSubmit={submit}
      aria-label={t("createForm")}
      className="grid gap-3 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 md:grid-cols-6"
    >
      <TextField
        label={t("username")}
        error={errors.username}
        className="md:col-span-1"
        name="username"
        autoComplete="off"
        maxLength={64}
        {...field("username")}
      />
      <TextField
        label={t("name")}
        error={errors.name}
        className="md:col-span-1"
        name="name"
        maxLength={100}
        {...field("name")}
      />
      <FormField label={t("role")} error={errors.role} className="md:col-span-1">
        {(control) => (
          <select className={fieldInput} name="role" {...control} {...field("role")}>
            {ROLES.map((role) => (
              <option key={role} value={role} title={t(`roleHelp.${role}`)}>
                {roleName(role)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {form.role === "agent" && (
        <TextField
          label={t("agentId")}
          error={errors.agentId}
          className="md:col-span-1"
          name="agentId"
          maxLength={128}
          {...field("agentId")}
        />
      )}
      <TextField
        label={t("password")}
        error={errors.password}
        className="md:col-span-1"
        name="password"
        type="password"
        autoComplete="new-password"
        maxLength={256}
        {...field("password")}
      />
      <div className="flex items-end md:col-span-1">
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {create.isPending ? t("creating") : t("create")}
        </button>
      </div>
      <ErrorAlert error={create.error} className="md:col-span-6" />
      <p className="text-xs text-slate-500 dark:text-slate-400 md:col-span-6">{t(`roleHelp.${form.role}`)}</p>
    </form>
  );
}

function UserRow({ user }: { user: UserSummary }) {
  const t = useTranslations("users");
  const roleName = useTranslations("roles");
  const f = useFormat();
  const trpc = useTRPC();
  const invalidate = useInvalidateUsers();
  const update = useMutation(trpc.users.update.mutationOptions({ onSettled: () => void invalidate() }));
  const reset = useMutation(trpc.users.resetPassword.mutationOptions());
  const [password, setPassword] = useState("");
  const problem = update.error ?? reset.error;
  return (
    <tr
      className="border-t border-slate-100 dark:border-slate-800 align-top"
      data-testid={`user-${user.username}`}
    >
      <td className="px-3 py-2">
        <div className="font-medium text-slate-900 dark:text-slate-100">{user.name}</div>
        <div className="text-xs text-slate-500 dark:text-slate-400">{user.username}</div>
        {problem && (
          <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
            {errorMessage(problem)}
          </p>
        )}
      </td>
      <td className="px-3 py-2">
        <select
          aria-label={t("roleOf", { username: user.username })}
          className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-sm"
          value={user.role}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ userId: user.userId, role: e.target.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleName(role)}
            </option>
          ))}
        </select>
      </td>
      <td className="px-3 py-2 text-slate-600 dark:text-slate-400">
        <AgentLink
          user={user}
          disabled={update.isPending}
          onSave={(agentId) => update.mutate({ userId: user.userId, agentId })}
        />
      </td>
      <td className="px-3 py-2 tabular-nums text-slate-600 dark:text-slate-400">
        {user.lastSignInAt ? f.dateTime(user.lastSignInAt) : t("never")}
      </td>
      <td className="px-3 py-2">
        <button
          type="button"
          className={`rounded px-2 py-1 text-xs ${user.disabled ? "bg-slate-200 dark:bg-slate-700 text-slate-700 dark:text-slate-300" : "bg-emerald-50 dark:bg-emerald-950 text-emerald-800 dark:text-emerald-200"}`}
          disabled={update.isPending}
          onClick={() => update.mutate({ userId: user.userId, disabled: !user.disabled })}
          title={user.disabled ? t("enableTitle") : t("disableTitle")}
        >
          {user.disabled ? t("disabled") : t("active")}
        </button>
      </td>
      <td className="px-3 py-2">
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            reset.mutate({ userId: user.userId, password }, { onSuccess: () => setPassword("") });
          }}
        >
          <input
            aria-label={t("newPasswordFor", { username: user.username })}
            type="password"
            autoComplete="new-password"
            placeholder={t("newPassword")}
            maxLength={256}
            className="w-40 rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-xs"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button
            type="submit"
            disabled={reset.isPending || password.length === 0}
            className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-xs hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-50"
          >
            {t("reset")}
          </button>
          {reset.isSuccess && (
            <span className="text-xs text-emerald-700 dark:text-emerald-300">{t("resetDone")}</span>
          )}
        </form>
      </td>
    </tr>
  );
}

/**
 * Which Callboard agent (stringee_user_id) a person answers as. Only the agent role uses it; an
 * agent without one is told on the desk to ask an admin, who links it here.
 */
function AgentLink({
  user,
  disabled,
  onSave,
}: {
  user: UserSummary;
  disabled: boolean;
  onSave: (agentId: string | null) => void;
}) {
  const t = useTranslations("users");
  const [value, setValue] = useState(user.agentId ?? "");
  if (user.role !== "agent") return <span>{user.agentId ?? "—"}</span>;
  const changed = value.trim() !== (user.agentId ?? "");
  return (
    <form
      className="flex gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(value.trim() === "" ? null : value.trim());
      }}
    >
      <input
        aria-label={t("agentOf", { username: user.username })}
        maxLength={128}
        placeholder="stringee_user_id"
        className="w-32 rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1 text-xs"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button
        type="submit"
        disabled={disabled || !changed}
        className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-xs hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-50"
      >
        {t("link")}
      </button>
    </form>
  );
}
