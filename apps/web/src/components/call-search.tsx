"use client";

import { type CallSearchResult, callSearchSchema } from "@callboard/contracts";
import { own } from "@callboard/routing";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { errorMessage } from "~/lib/field-errors";
import { CallTimeline } from "./call-timeline";
import { useCallboardClient, useCenterSelector } from "./live-provider";
import { useFormat } from "./use-format";

/** Typing waits this long before asking the core: one request per pause, not per keystroke. */
export const SEARCH_DEBOUNCE_MS = 300;

type Found =
  | { kind: "idle" }
  | { kind: "invalid"; message: string }
  | { kind: "searching"; query: string }
  | { kind: "done"; query: string; result: CallSearchResult }
  | { kind: "failed"; message: string };

/**
 * Finds a call by id or caller's number in the event log (calls.search), ended calls included, and
 * opens its timeline. Checked with the server's own schema first, so a bad query is named at once.
 */
export function CallSearch() {
  const f = useFormat();
  const t = useTranslations("callSearch");
  const client = useCallboardClient();
  const calls = useCenterSelector((s) => s.calls);
  const queues = useCenterSelector((s) => s.queues);
  const agents = useCenterSelector((s) => s.agents);
  const [text, setText] = useState("");
  const [found, setFound] = useState<Found>({ kind: "idle" });
  const [openCall, setOpenCall] = useState<string | null>(null);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const panelId = useId();

  const search = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    const request = ++latest.current;
    if (value.trim() === "") {
      setFound({ kind: "idle" });
      return;
    }
    const parsed = callSearchSchema.safeParse({ query: value });
    if (!parsed.success) {
      setFound({ kind: "invalid", message: parsed.error.issues[0]?.message ?? "query is not valid" });
      return;
    }
    const { query } = parsed.data;
    setFound({ kind: "searching", query });
    client.calls.search.query({ query }).then(
      (result) => {
        if (request !== latest.current) return;
        setFound({ kind: "done", query, result });
        // One call found: its timeline is what was wanted.
        setOpenCall(result.calls.length === 1 ? result.calls[0]!.callId : null);
      },
      (error: unknown) => {
        if (request === latest.current)
          setFound({ kind: "failed", message: t("failed", { message: errorMessage(error) }) });
      },
    );
  };
  const onType = (value: string) => {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => search(value), SEARCH_DEBOUNCE_MS);
  };
  const close = () => {
    latest.current++;
    if (timer.current) clearTimeout(timer.current);
    setText("");
    setFound({ kind: "idle" });
    setOpenCall(null);
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const name = (id: string) => own(agents, id)?.name ?? id;
  const startOfToday = new Date().setHours(0, 0, 0, 0);

  return (
    <search className="relative" aria-label={t("label")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          search(text);
        }}
        className="flex items-center gap-1"
      >
        <label htmlFor={`${panelId}-input`} className="sr-only">
          {t("label")}
        </label>
        <input
          id={`${panelId}-input`}
          type="search"
          value={text}
          maxLength={200}
          placeholder={t("placeholder")}
          onChange={(e) => onType(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && close()}
          aria-controls={found.kind === "idle" ? undefined : panelId}
          aria-describedby={`${panelId}-hint`}
          className="w-56 rounded-md border border-slate-300 dark:border-slate-600 px-2 py-1 text-xs"
          data-testid="call-search"
        />
        <span id={`${panelId}-hint`} className="sr-only">
          {t("hint")}
        </span>
      </form>
      {found.kind !== "idle" && (
        <div
          id={panelId}
          className="absolute right-0 z-30 mt-1 max-h-[70vh] w-[30rem] max-w-[90vw] overflow-auto rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-2 text-xs shadow-lg"
          data-testid="call-search-results"
        >
          <div className="mb-1 flex items-center gap-2">
            <p role="status" className="text-slate-600 dark:text-slate-400">
              {found.kind === "searching"
                ? t("searching")
                : found.kind === "done"
                  ? found.result.calls.length === 0
                    ? t("nothing", { query: found.query })
                    : t("results", { count: found.result.calls.length })
                  : null}
            </p>
            {(found.kind === "invalid" || found.kind === "failed") && (
              <p role="alert" className="text-rose-700 dark:text-rose-300">
                {found.message}
              </p>
            )}
            <button
              type="button"
              className="ml-auto text-slate-500 dark:text-slate-400 underline"
              onClick={close}
            >
              {t("close")}
            </button>
          </div>
          {found.kind === "done" && found.result.calls.length === 0 && (
            <p className="text-slate-500 dark:text-slate-400">{t("hint")}</p>
          )}
          {found.kind === "done" && (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {found.result.calls.map((hit) => {
                const isOpen = openCall === hit.callId;
                const live = own(calls, hit.callId) ?? null;
                // The board's own copy is newer than the answer: a call that left it has ended.
                const status = live?.status ?? "ended";
                return (
                  <li key={hit.callId} data-testid={`call-hit-${hit.callId}`}>
                    <div className="flex items-center gap-2 py-1">
                      <span
                        className="min-w-0 truncate font-medium text-slate-900 dark:text-slate-100"
                        title={hit.callId}
                      >
                        {hit.callId}
                      </span>
                      <span className="truncate text-slate-600 dark:text-slate-400">{hit.from}</span>
                      <span className="truncate text-slate-500 dark:text-slate-400">
                        {own(queues, hit.queueId)?.name ?? hit.queueId}
                      </span>
                      <span className="tabular-nums text-slate-500 dark:text-slate-400">
                        {hit.arrivedAt >= startOfToday ? f.clock(hit.arrivedAt) : f.dateTime(hit.arrivedAt)}
                      </span>
                      <span
                        className={`rounded px-1 ${status === "ended" ? "bg-slate-100 dark:bg-slate-800 text-slate-600 dark:text-slate-400" : "bg-sky-50 dark:bg-sky-950 text-sky-700 dark:text-sky-300"}`}
                      >
                        {status === "ended" ? t("ended") : t("liveStatus", { status })}
                      </span>
                      <button
                        type="button"
                        className="ml-auto text-sky-700 dark:text-sky-300 underline"
                        aria-expanded={isOpen}
                        onClick={() => setOpenCall(isOpen ? null : hit.callId)}
                      >
                        {t("open")}
                      </button>
                    </div>
                    {isOpen && <CallTimeline callId={hit.callId} client={client} name={name} call={live} />}
                  </li>
                );
              })}
            </ul>
          )}
          {found.kind === "done" && found.result.more && (
            <p className="mt-1 text-slate-500 dark:text-slate-400">
              {t("more", { count: found.result.calls.length })}
            </p>
          )}
        </div>
      )}
    </search>
  );
}
