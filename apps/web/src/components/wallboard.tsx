"use client";

import type { WallboardTile } from "@callboard/contracts";
import { useTranslations } from "next-intl";
import { type CSSProperties, useEffect, useMemo, useState } from "react";
import type { Translate } from "~/i18n/types";
import { useFormat } from "./use-format";
import { type Refusal, useWallboardFeed } from "./use-wallboard-feed";
import {
  centerTotals,
  clockDuration,
  pageLayout,
  parseWallboardParams,
  ROTATE_DEFAULT_SEC,
  ROTATE_MAX_SEC,
  ROTATE_MIN_SEC,
  selectTiles,
} from "./wallboard-model";
import { BIG, KEY, Tile, vh } from "./wallboard-tile";

/**
 * The TV view: dark, no scrolling, nothing to touch. Its queues and layout come from the URL
 * (`?queues=sales,support&rotate=20&totals=on#token=…`). It never shows old figures as current: two
 * seconds without data and a full-width banner says since when, and the figures dim and stand still.
 */
export function Wallboard() {
  const t = useTranslations("wallboard");
  const f = useFormat();
  // The URL is read once on the client: the token is in the fragment, which the server never sees.
  const [params] = useState(() =>
    typeof window === "undefined"
      ? parseWallboardParams("", "")
      : parseWallboardParams(window.location.search, window.location.hash),
  );
  const { state, last, clockOffsetMs } = useWallboardFeed(params.token);
  const now = useSecondTick() + clockOffsetMs;
  const screen = useScreenSize();
  useWakeLock();

  const { shown, unknown } = useMemo(
    () => selectTiles(last?.update.tiles ?? [], params.queues),
    [last, params.queues],
  );
  const layout = pageLayout(screen.width, screen.height, shown.length);
  const page = usePage(layout.pages, params.rotateSec);

  if (
    state.kind === "revoked" ||
    state.kind === "no-token" ||
    state.kind === "refused" ||
    state.kind === "reloading"
  ) {
    const message =
      state.kind === "revoked"
        ? t("revoked")
        : state.kind === "no-token"
          ? t("noToken")
          : state.kind === "reloading"
            ? t("reloadingIn", {
                message: state.message,
                seconds: Math.max(0, Math.ceil((state.at - (now - clockOffsetMs)) / 1000)),
              })
            : refusalText(t, state.refusal);
    return (
      <Screen>
        <p
          role="alert"
          data-testid="wallboard-message"
          className="m-auto max-w-[80vw] text-center font-semibold text-slate-100"
          style={vh(4)}
        >
          {message}
        </p>
      </Screen>
    );
  }

  const live = state.kind === "live";
  const showTotals = (params.totals ?? shown.length > 1) && shown.length > 0;
  const onPage = shown.slice(page * layout.pageSize, (page + 1) * layout.pageSize);
  return (
    <Screen>
      <header className="flex items-center justify-between gap-[2vh] px-[2vh] pt-[1.2vh]">
        <h1 className="truncate font-semibold text-slate-100" style={vh(3.6)}>
          {last?.update.label ?? "Callboard"}
        </h1>
        <div className="flex shrink-0 items-center gap-[2.5vh]">
          {layout.pages > 1 && (
            <span className="text-slate-300" style={vh(2.2)} data-testid="wallboard-page">
              {t("page", { page: page + 1, pages: layout.pages })}
            </span>
          )}
          {live && last && (
            <span
              className="flex items-center gap-[0.8vh] text-slate-300"
              style={vh(2.2)}
              data-testid="wallboard-live"
            >
              <span aria-hidden className="inline-block size-[1.4vh] rounded-full bg-emerald-400" />
              {t("liveAsOf", { time: f.clock(last.update.serverTime) })}
            </span>
          )}
          <time
            className="font-light tabular-nums text-slate-100"
            style={vh(5)}
            data-testid="wallboard-clock"
          >
            {f.clock(now)}
          </time>
        </div>
      </header>

      {!live && (
        <div
          role="status"
          data-testid="wallboard-stale"
          className="mx-[2vh] mt-[1vh] rounded-[0.8vh] bg-amber-400 px-[2vh] py-[0.6vh] font-semibold text-slate-950"
          style={vh(3.2)}
        >
          {last
            ? t("staleSince", {
                time: f.clock(last.update.serverTime),
                duration: clockDuration(now - clockOffsetMs - last.receivedAt),
              })
            : t("connecting")}
        </div>
      )}

      {(unknown.length > 0 || params.notices.length > 0) && (
        <ul data-testid="wallboard-notice" className="mx-[2vh] mt-[0.8vh] text-amber-200" style={vh(2)}>
          {unknown.map((id) => (
            <li key={id}>{t("unknownQueue", { id })}</li>
          ))}
          {params.notices.map((notice) => (
            <li key={notice.param}>
              ⚠{" "}
              {notice.param === "rotate"
                ? t("badRotate", {
                    value: notice.value,
                    min: ROTATE_MIN_SEC,
                    max: ROTATE_MAX_SEC,
                    fallback: ROTATE_DEFAULT_SEC,
                  })
                : t("badTotals", { value: notice.value })}
            </li>
          ))}
        </ul>
      )}

      <div
        className={`flex min-h-0 flex-1 flex-col gap-[1.2vh] p-[1.6vh] transition-opacity ${live ? "" : "opacity-50 grayscale"}`}
        data-testid="wallboard-figures"
        data-stale={live ? undefined : "true"}
      >
        {showTotals && <Totals tiles={shown} />}
        {last && shown.length === 0 && (
          <p className="m-auto text-slate-300" style={vh(3)}>
            {t("noQueues")}
          </p>
        )}
        <main
          className="grid min-h-0 flex-1 gap-[1.6vh]"
          style={
            {
              gridTemplateColumns: `repeat(${layout.cols}, minmax(0, 1fr))`,
              gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
              "--wb-scale": layout.scale,
            } as CSSProperties
          }
        >
          {onPage.map((tile) => (
            <Tile key={tile.queueId} tile={tile} shape={layout.shape} />
          ))}
        </main>
      </div>
    </Screen>
  );
}

/** The center-wide row: totals across the screen's queues. */
function Totals({ tiles }: { tiles: WallboardTile[] }) {
  const t = useTranslations("wallboard");
  const f = useFormat();
  const sum = centerTotals(tiles);
  const cells: [string, string, string, string?][] = [
    ["waiting", t("waiting"), f.count(sum.waiting), "total-waiting"],
    ["longest", t("longestWait"), sum.longestWaitMs > 0 ? clockDuration(sum.longestWaitMs) : "—"],
    ["offered", t("callsToday"), f.count(sum.offeredToday)],
    ["answered", t("answered"), f.count(sum.answeredToday)],
    ["abandoned", t("abandoned"), f.count(sum.abandonedToday)],
    [
      "below",
      t("belowTarget"),
      sum.withServiceLevel === 0
        ? "—"
        : t("belowTargetOf", { below: sum.belowTarget, total: sum.withServiceLevel }),
    ],
  ];
  return (
    <section
      aria-label={t("allQueues", { count: tiles.length })}
      data-testid="wallboard-totals"
      className="flex items-end justify-between gap-[2vh] rounded-[1vh] bg-slate-800 px-[2vh] py-[0.8vh]"
    >
      <h2 className="self-center font-semibold text-slate-200" style={vh(2.6)}>
        {t("allQueues", { count: tiles.length })}
      </h2>
      {cells.map(([key, label, value, testId]) => (
        <div key={key} className="min-w-0">
          <div className="uppercase tracking-wide text-slate-300" style={vh(1.9)}>
            {label}
          </div>
          <div
            className={`font-semibold tabular-nums ${key === "below" && sum.belowTarget > 0 ? "text-red-400" : "text-slate-50"}`}
            style={{ fontSize: `${key === "waiting" ? Math.max(KEY, BIG - 2) : KEY}vh`, lineHeight: 1.05 }}
            data-testid={testId}
          >
            {value}
          </div>
        </div>
      ))}
    </section>
  );
}

function refusalText(t: Translate<"wallboard">, refusal: Refusal): string {
  if ("known" in refusal) return t(refusal.known);
  if ("code" in refusal) return t("refused", { reason: refusal.code });
  return refusal.text;
}

function Screen({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex h-dvh cursor-none flex-col overflow-hidden bg-slate-950 text-slate-100">
      {children}
    </div>
  );
}

/** This screen's clock, ticking on each whole second. Only the clock ticks: figures change with data. */
function useSecondTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, 1_000 - (Date.now() % 1_000) + 5);
    };
    timer = setTimeout(tick, 1_000 - (Date.now() % 1_000) + 5);
    return () => clearTimeout(timer);
  }, []);
  return now;
}

function useScreenSize(): { width: number; height: number } {
  const [size, setSize] = useState({ width: 1920, height: 1080 });
  useEffect(() => {
    const read = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    read();
    window.addEventListener("resize", read);
    return () => window.removeEventListener("resize", read);
  }, []);
  return size;
}

/** The page of tiles on screen, turning every `rotateSec` when there is more than one. */
function usePage(pages: number, rotateSec: number): number {
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), rotateSec * 1_000);
    return () => clearInterval(timer);
  }, [pages, rotateSec]);
  return page < pages ? page : 0;
}

/** Keeps a TV's screen from sleeping where the browser allows it (it is asked again when shown again). */
function useWakeLock() {
  useEffect(() => {
    if (!("wakeLock" in navigator)) return;
    const request = () => {
      if (document.visibilityState === "visible") navigator.wakeLock.request("screen").catch(() => {});
    };
    request();
    document.addEventListener("visibilitychange", request);
    return () => document.removeEventListener("visibilitychange", request);
  }, []);
}
