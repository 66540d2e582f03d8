"use client";

import { createWallboardTokenSchema } from "@callboard/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { fieldErrors } from "~/lib/field-errors";
import { useTRPC } from "~/lib/trpc";
import { wallboardLink } from "~/lib/wallboard-link";
import { ErrorAlert } from "./error-alert";
import { useFormat } from "./use-format";

/**
 * Read-only screens: an admin names a screen and picks its queues; the screen's link is shown once
 * (only a digest is kept). Revoking disconnects the screen within seconds.
 */
export function WallboardTokens() {
  const t = useTranslations("wallboards");
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.wallboards.list.queryOptions());
  const queues = useQuery(trpc.center.queues.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.wallboards.list.queryKey() });
  const [label, setLabel] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ label: string; url: string } | null>(null);
  const create = useMutation(
    trpc.wallboards.create.mutationOptions({
      onSuccess: ({ token, summary }) => {
        setCreated({
          label: summary.label,
          url: wallboardLink(window.location.origin, token),
        });
        setLabel("");
        setChosen([]);
        void invalidate();
      },
    }),
  );
  const revoke = useMutation(trpc.wallboards.revoke.mutationOptions({ onSettled: () => void invalidate() }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createWallboardTokenSchema.safeParse({ label, queueIds: chosen });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  };

  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">{t("heading")}</h1>
      <form
        onSubmit={submit}
        aria-label={t("pairForm")}
        className="space-y-3 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4"
      >
        <label className="block text-sm text-slate-700 dark:text-slate-300">
          {t("screenName")}
          <input
            className="mt-1 block w-full max-w-sm rounded border border-slate-300 dark:border-slate-600 px-2 py-1.5 text-sm"
            name="label"
            maxLength={100}
            placeholder={t("screenPlaceholder")}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
          {errors.label && (
            <span className="mt-1 block text-xs text-red-700 dark:text-red-300">{errors.label}</span>
          )}
        </label>
        <fieldset className="text-sm text-slate-700 dark:text-slate-300">
          <legend>{t("queuesItShows")}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {queues.data?.map((queue) => (
              <label key={queue.id} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={chosen.includes(queue.id)}
                  onChange={(e) =>
                    setChosen(
                      e.target.checked ? [...chosen, queue.id] : chosen.filter((id) => id !== queue.id),
                    )
                  }
                />
                {queue.name}
              </label>
            ))}
            {queues.data?.length === 0 && (
              <span className="text-slate-500 dark:text-slate-400">{t("noQueues")}</span>
            )}
          </div>
          {errors.queueIds && (
            <span className="mt-1 block text-xs text-red-700 dark:text-red-300">{errors.queueIds}</span>
          )}
        </fieldset>
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {t("create")}
        </button>
        <ErrorAlert error={create.error} />
        {created && (
          <div
            className="rounded border border-emerald-200 dark:border-emerald-800 bg-emerald-50 dark:bg-emerald-950 p-3 text-sm"
            data-testid="wallboard-link"
          >
            <p className="font-medium text-emerald-900 dark:text-emerald-200">
              {t("openOn", { label: created.label })}
            </p>
            <code className="mt-1 block break-all text-xs text-emerald-900 dark:text-emerald-200">
              {created.url}
            </code>
          </div>
        )}
      </form>
      <table
        className="w-full rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 text-left text-sm"
        aria-label={t("tokens")}
      >
        <thead className="bg-slate-50 dark:bg-slate-800 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <tr>
            <th className="px-3 py-2">{t("screen")}</th>
            <th className="px-3 py-2">{t("queues")}</th>
            <th className="px-3 py-2">{t("created")}</th>
            <th className="px-3 py-2">{t("lastUsed")}</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody>
          {tokens.data?.map((token) => (
            <tr key={token.tokenId} className="border-t border-slate-100 dark:border-slate-800">
              <td className="px-3 py-2 font-medium text-slate-900 dark:text-slate-100">{token.label}</td>
              <td className="px-3 py-2 text-slate-600 dark:text-slate-400">{token.queueIds.join(", ")}</td>
              <td className="px-3 py-2 text-slate-600 dark:text-slate-400">
                {t("createdBy", { at: f.dateTime(token.createdAt), by: token.createdBy })}
              </td>
              <td className="px-3 py-2 text-slate-600 dark:text-slate-400">
                {token.lastUsedAt ? f.dateTime(token.lastUsedAt) : t("never")}
              </td>
              <td className="px-3 py-2 text-right">
                {token.revokedAt ? (
                  <span className="text-xs text-slate-500 dark:text-slate-400">
                    {t("revoked", { at: f.dateTime(token.revokedAt) })}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="rounded border border-red-300 dark:border-red-700 px-2 py-1 text-xs text-red-700 dark:text-red-300 hover:bg-red-50 dark:hover:bg-red-950"
                    onClick={() => revoke.mutate({ tokenId: token.tokenId })}
                  >
                    {t("revoke")}
                  </button>
                )}
              </td>
            </tr>
          ))}
          {tokens.data?.length === 0 && (
            <tr>
              <td colSpan={5} className="px-3 py-6 text-center text-slate-500 dark:text-slate-400">
                {t("nonePaired")}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <ErrorAlert error={revoke.error} />
    </div>
  );
}
