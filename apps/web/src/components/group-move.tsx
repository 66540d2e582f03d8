"use client";

import { moveAgentSchema } from "@callboard/contracts";
import { own } from "@callboard/routing";
import { useTranslations } from "next-intl";
import { type FormEvent, useMemo, useState } from "react";
import { fieldErrors } from "~/lib/field-errors";
import { FieldError } from "./field-error";
import { useCallboardClient, useCenterSelector, useLiveCenter } from "./live-provider";

const control = "mt-0.5 block w-44 rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-xs";

/**
 * From the board (admins): an agent leaves one group and joins another in one event; the control
 * stays busy until that event is on this board, like the manual status.
 */
export function GroupMove() {
  const t = useTranslations("directory.move");
  // The form reads every agent and group: mounted only while open, so a closed panel costs nothing.
  const [open, setOpen] = useState(false);
  return (
    <details
      className="rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-3 py-2 text-xs"
      data-testid="group-move"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">
        {t("title")}
      </summary>
      {open && <GroupMoveForm />}
    </details>
  );
}

function GroupMoveForm() {
  const t = useTranslations("directory.move");
  const client = useCallboardClient();
  const center = useLiveCenter();
  const agents = useCenterSelector((state) => state.agents);
  const groups = useCenterSelector((state) => state.groups);
  const [agentId, setAgentId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const groupList = useMemo(
    () => Object.values(groups).sort((a, b) => a.name.localeCompare(b.name)),
    [groups],
  );
  const agentList = useMemo(
    () => Object.values(agents).sort((a, b) => a.name.localeCompare(b.name)),
    [agents],
  );
  const known = own(agents, agentId) !== undefined;
  const memberOf = groupList.filter((g) => g.members.includes(agentId));
  const fromGroup = memberOf.some((g) => g.id === from) ? from : (memberOf[0]?.id ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = moveAgentSchema.safeParse({ agentId, fromGroupId: fromGroup, toGroupId: to });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setProblem(undefined);
    setBusy(true);
    client.agents.moveToGroup
      .mutate(parsed.data)
      .then(
        ({ seq }) => center.whenApplied(seq).catch(() => {}),
        (error: unknown) => setProblem((error as Error).message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form onSubmit={submit} noValidate className="mt-2 flex flex-wrap items-start gap-3">
      <label className="text-slate-600 dark:text-slate-400">
        {t("agent")}
        <input
          className={control}
          list="group-move-agents"
          name="agentId"
          maxLength={128}
          value={agentId}
          onChange={(e) => setAgentId(e.target.value)}
        />
        <datalist id="group-move-agents">
          {agentList.slice(0, 500).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </datalist>
        <FieldError
          message={
            errors.agentId ?? (agentId && known && memberOf.length === 0 ? t("notInGroup") : undefined)
          }
        />
      </label>
      <label className="text-slate-600 dark:text-slate-400">
        {t("from")}
        <select
          className={control}
          name="fromGroupId"
          value={fromGroup}
          onChange={(e) => setFrom(e.target.value)}
        >
          {memberOf.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <FieldError message={errors.fromGroupId} />
      </label>
      <label className="text-slate-600 dark:text-slate-400">
        {t("to")}
        <select className={control} name="toGroupId" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">—</option>
          {groupList
            .filter((g) => g.id !== fromGroup)
            .map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
        </select>
        <FieldError message={errors.toGroupId} />
      </label>
      <button
        type="submit"
        disabled={busy}
        className="mt-4 rounded border border-slate-300 dark:border-slate-600 px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-50"
      >
        {busy ? t("moving") : t("button")}
      </button>
      {problem && (
        <p role="alert" className="mt-4 text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
    </form>
  );
}
