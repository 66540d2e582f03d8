"use client";

import type { AgentDeskView, Me } from "@callboard/contracts";
import { MANUAL_STATUSES, type ManualStatus } from "@callboard/routing";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { deskWhyLine } from "~/lib/desk-why";
import { signOut } from "~/lib/session";
import { createCallboardClient } from "~/lib/trpc";
import { useFormat } from "../use-format";
import { useNow } from "../use-now";
import { type DeskFeed, useDeskFeed } from "./use-desk-feed";
import { useDeskPresence } from "./use-desk-presence";
import { type SoftphoneHandle, useSoftphone } from "./use-softphone";

/** One id per tab (not stored): a second tab is a second softphone, which the server turns away. */
function newDeviceId(): string {
  return `tab-${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
}

/** The agent's own page: status, the call, the day. Built on the desk feed (agent:subscribe) only. */
export function AgentDesk() {
  const t = useTranslations("desk");
  const feed = useDeskFeed();
  const [client] = useState(createCallboardClient);
  const [deviceId] = useState(newDeviceId);
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    client.auth.me.query().then(setMe, () => {});
  }, [client]);
  const softphone = useSoftphone(feed.view?.telephony, client, deviceId);
  const presence = useDeskPresence(client, deviceId, feed.view !== null && softphone.connected);

  const signedOut = feed.connection === "signed-out";
  useEffect(() => {
    if (signedOut) window.location.assign("/signin?next=/agent");
  }, [signedOut]);
  if (signedOut) return <Centered text={t("signedOut")} alert />;
  if (feed.connection === "refused") {
    return (
      <Centered
        text={
          /not in the center|agent role|linked/.test(feed.error ?? "")
            ? t("notLinked")
            : (feed.error ?? t("notLinked"))
        }
        alert
      />
    );
  }
  if (!feed.view) return <Centered text={t("loading")} />;
  return (
    <Desk feed={feed} view={feed.view} me={me} softphone={softphone} presence={presence} client={client} />
  );
}

function Desk({
  feed,
  view,
  me,
  softphone,
  presence,
  client,
}: {
  feed: DeskFeed;
  view: AgentDeskView;
  me: Me | null;
  softphone: SoftphoneHandle;
  presence: ReturnType<typeof useDeskPresence>;
  client: ReturnType<typeof createCallboardClient>;
}) {
  const t = useTranslations("desk");
  const now = useNow(feed.clockOffsetMs);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const act = (work: () => Promise<unknown>) => {
    setPending(true);
    setProblem(null);
    work().then(
      () => setPending(false),
      (error: Error) => {
        setPending(false);
        setProblem(error.message);
      },
    );
  };
  const { agent } = view;
  const rings = presence.holdsSoftphone === true && softphone.phone !== null;
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-4 p-4" aria-label={t("title")}>
      <header className="flex flex-wrap items-center gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">{agent.name}</h1>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {t("title")} · {agent.id}
          </p>
        </div>
        <span
          data-testid="desk-connection"
          className={`ml-auto rounded-full px-2 py-0.5 text-xs ${feed.connection === "live" ? "bg-emerald-50 dark:bg-emerald-950 text-emerald-800 dark:text-emerald-200" : "bg-amber-100 dark:bg-amber-900 text-amber-900 dark:text-amber-100"}`}
        >
          {t(`connectionState.${feed.connection}`)}
        </span>
        <button
          type="button"
          onClick={() => void signOut()}
          className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          {t("signOut")}
        </button>
      </header>

      {feed.connection === "reconnecting" && <Banner testId="desk-reconnecting" text={t("reconnecting")} />}
      {presence.holdsSoftphone === false && (
        <Banner testId="desk-other-tab" text={presence.lostSoftphone ? t("lostSoftphone") : t("otherTab")}>
          <button
            type="button"
            onClick={presence.takeOver}
            className="ml-3 rounded bg-slate-900 dark:bg-sky-800 px-2 py-1 text-xs text-white"
          >
            {t("takeOver")}
          </button>
        </Banner>
      )}
      <SoftphoneBanner softphone={softphone} telephony={view.telephony} />
      {problem && <Banner testId="desk-problem" text={problem} />}
      {softphone.remoteStream && <RemoteAudio stream={softphone.remoteStream} />}

      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <section
          aria-label={t("call")}
          className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm"
        >
          <CallCard view={view} now={now} rings={rings} pending={pending} act={act} softphone={softphone} />
        </section>
        <section
          aria-label={t("statusSection")}
          className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm"
        >
          <StatusSwitcher
            view={view}
            me={me}
            onChange={(status) => act(() => client.desk.setStatus.mutate({ status }))}
          />
          <Reachability view={view} />
        </section>
      </div>
      <Today view={view} />
    </main>
  );
}

function CallCard({
  view,
  now,
  rings,
  pending,
  act,
  softphone,
}: {
  view: AgentDeskView;
  now: number;
  rings: boolean;
  pending: boolean;
  act: (work: () => Promise<unknown>) => void;
  softphone: SoftphoneHandle;
}) {
  const t = useTranslations("desk");
  const decisions = useTranslations("decisions");
  const f = useFormat();
  const { offer, call, agent } = view;
  const phone = softphone.phone;
  if (offer) {
    return (
      <div data-testid="desk-ringing" className="flex flex-col gap-3">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-sky-700 dark:text-sky-300">
          {t("ringing")}
        </h2>
        <p className="text-3xl font-semibold tabular-nums text-slate-900 dark:text-slate-100">{offer.from}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">{t("queue")}</dt>
          <dd>{offer.queueName}</dd>
          <dt className="text-slate-500 dark:text-slate-400">{t("waited")}</dt>
          <dd className="tabular-nums">{f.duration(now - offer.arrivedAt)}</dd>
          <dt className="text-slate-500 dark:text-slate-400">{t("whyYou")}</dt>
          <dd data-testid="desk-why">{deskWhyLine(offer.why, t, decisions)}</dd>
        </dl>
        <div className="flex gap-3">
          <button
            type="button"
            disabled={!rings || pending || !phone}
            onClick={() => phone && act(() => phone.answer(offer.callId))}
            className="rounded-md bg-emerald-700 px-5 py-2 font-medium text-white hover:bg-emerald-800 disabled:opacity-50"
          >
            {t("answer")}
          </button>
          <button
            type="button"
            disabled={!rings || pending || !phone}
            onClick={() => phone && act(() => phone.decline(offer.callId))}
            className="rounded-md border border-slate-300 dark:border-slate-600 px-5 py-2 font-medium text-slate-800 dark:text-slate-200 hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-50"
          >
            {t("decline")}
          </button>
        </div>
      </div>
    );
  }
  if (call) {
    return (
      <div data-testid="desk-on-call" className="flex flex-col gap-3">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-rose-700 dark:text-rose-300">
          {t("onCall")}
        </h2>
        <p className="text-3xl font-semibold tabular-nums text-slate-900 dark:text-slate-100">{call.from}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">{t("queue")}</dt>
          <dd>{call.queueName}</dd>
          <dt className="text-slate-500 dark:text-slate-400">{t("talkTime")}</dt>
          <dd data-testid="desk-call-timer" className="tabular-nums">
            {f.duration(now - call.answeredAt)}
          </dd>
        </dl>
        <div>
          <button
            type="button"
            disabled={pending || !phone}
            onClick={() => phone && act(() => phone.hangUp(call.callId))}
            className="rounded-md bg-rose-700 px-5 py-2 font-medium text-white hover:bg-rose-800 disabled:opacity-50"
          >
            {t("hangUp")}
          </button>
        </div>
      </div>
    );
  }
  if (agent.wrapUpUntil !== null) {
    return (
      <div data-testid="desk-wrap-up" className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-amber-700 dark:text-amber-300">
          {t("wrapUp")}
        </h2>
        <p className="text-3xl font-semibold tabular-nums text-slate-900 dark:text-slate-100">
          {f.duration(Math.max(0, agent.wrapUpUntil - now))}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("wrapUpHint")}</p>
      </div>
    );
  }
  const online = agent.online.length > 0;
  const available = agent.manualStatus === "AVAILABLE";
  return (
    <div data-testid="desk-idle" className="flex flex-col gap-2">
      <h2 className="text-lg font-medium text-slate-900 dark:text-slate-100">
        {!online ? t("offline") : available ? t("idleAvailable") : t("idleNotAvailable")}
      </h2>
    </div>
  );
}

function StatusSwitcher({
  view,
  me,
  onChange,
}: {
  view: AgentDeskView;
  me: Me | null;
  onChange: (status: ManualStatus) => void;
}) {
  const t = useTranslations("desk");
  const statusName = useTranslations("manualStatus");
  const note = view.statusNote;
  const setBy = (by: string) => (by === me?.username ? t("setByYou") : t("setBy", { by }));
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="desk-status" className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {t("statusLabel")}
      </label>
      <select
        id="desk-status"
        className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1.5"
        value={view.agent.manualStatus}
        onChange={(e) => onChange(e.target.value as ManualStatus)}
      >
        {MANUAL_STATUSES.map((status) => (
          <option key={status} value={status}>
            {statusName(status)}
          </option>
        ))}
      </select>
      {note && note.status === view.agent.manualStatus && (
        <p data-testid="desk-status-note" className="text-xs text-slate-600 dark:text-slate-400">
          {note.why ? t("setByWhy", { who: setBy(note.by), why: note.why }) : setBy(note.by)}
        </p>
      )}
    </div>
  );
}

/** How calls reach this agent: routing type 2 rings a phone number; a SIP phone's registration details. */
function Reachability({ view }: { view: AgentDeskView }) {
  const t = useTranslations("desk");
  const { agent, sip } = view;
  return (
    <div className="mt-4 flex flex-col gap-2 text-xs text-slate-600 dark:text-slate-400">
      {agent.routingType === 2 && (
        <p data-testid="desk-phone-routing">
          {agent.phoneNumber ? t("phoneRouting", { number: agent.phoneNumber }) : t("phoneRoutingNoNumber")}
        </p>
      )}
      {sip && (
        <div data-testid="desk-sip">
          <p className="font-medium text-slate-700 dark:text-slate-300">{t("sipHeading")}</p>
          <p>
            {sip.registrar} · <span className="font-mono">{sip.username}</span> ·{" "}
            {agent.online.includes("sip") ? t("sipRegistered") : t("sipNotRegistered")}
          </p>
        </div>
      )}
    </div>
  );
}

function Today({ view }: { view: AgentDeskView }) {
  const t = useTranslations("desk");
  const f = useFormat();
  const statusName = useTranslations("manualStatus");
  const today = view.today;
  // Under a second in a status (a change undone at once) is not worth a line.
  const statusMs = (Object.entries(today?.statusMs ?? {}) as [ManualStatus, number][]).filter(
    ([, ms]) => ms >= 1_000,
  );
  return (
    <section
      aria-label={t("today")}
      className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm"
    >
      <h2 className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">{t("today")}</h2>
      <dl className="grid grid-cols-3 gap-4 text-sm">
        <Figure label={t("answered")} value={String(today?.answered ?? 0)} testId="desk-answered" />
        <Figure label={t("missed")} value={String(today?.missed ?? 0)} testId="desk-missed" />
        <Figure label={t("talkTime")} value={f.duration(today?.talkMs ?? 0)} testId="desk-talk" />
      </dl>
      {statusMs.length > 0 && (
        <div className="mt-3">
          <h3 className="text-xs font-medium text-slate-500 dark:text-slate-400">{t("timeInStatus")}</h3>
          <ul className="mt-1 flex flex-wrap gap-3 text-xs text-slate-700 dark:text-slate-300">
            {statusMs.map(([status, ms]) => (
              <li key={status}>
                {statusName(status)}: <span className="tabular-nums">{f.duration(ms)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd
        data-testid={testId}
        className="text-2xl font-semibold tabular-nums text-slate-900 dark:text-slate-100"
      >
        {value}
      </dd>
    </div>
  );
}

function SoftphoneBanner({
  softphone,
  telephony,
}: {
  softphone: SoftphoneHandle;
  telephony: AgentDeskView["telephony"];
}) {
  const t = useTranslations("desk");
  if (telephony === "standalone") return null;
  const { state } = softphone;
  const text =
    state.kind === "ready"
      ? t("sdkConnected")
      : state.kind === "connecting"
        ? t("sdkConnecting")
        : state.kind === "other-device"
          ? t("sdkOtherDevice")
          : t("sdkFailed", { why: state.message });
  return (
    <p
      data-testid="desk-sdk"
      role={state.kind === "failed" || state.kind === "other-device" ? "alert" : "status"}
      className="text-xs text-slate-600 dark:text-slate-400"
    >
      {text}
    </p>
  );
}

function RemoteAudio({ stream }: { stream: MediaStream }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);
  // biome-ignore lint/a11y/useMediaCaption: a live phone call has no captions to offer
  return <audio ref={ref} autoPlay />;
}

function Banner({ text, testId, children }: { text: string; testId: string; children?: React.ReactNode }) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className="rounded-md bg-amber-100 dark:bg-amber-900 px-3 py-2 text-sm text-amber-950 dark:text-amber-50"
    >
      {text}
      {children}
    </div>
  );
}

function Centered({ text, alert = false }: { text: string; alert?: boolean }) {
  return (
    <div
      className="flex h-full items-center justify-center p-8 text-slate-600 dark:text-slate-400"
      role={alert ? "alert" : "status"}
    >
      {text}
    </div>
  );
}
