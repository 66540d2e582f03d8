import type { WallboardTile } from "@callboard/contracts";
import type { Level } from "@callboard/kpi";
import { useTranslations } from "next-intl";
import type { CSSProperties, ReactNode } from "react";
import type { Translate } from "~/i18n/types";
import { useFormat } from "./use-format";
import { clockDuration, spokenDuration } from "./wallboard-model";

/** A size in screen heights, grown by the layout's --wb-scale when few tiles share the screen. */
export function vh(n: number): CSSProperties {
  return { fontSize: `calc(${n}vh * var(--wb-scale, 1))`, lineHeight: 1.05 };
}

/** Key figures: at least 6 % of the screen height (legible from 3 m), the biggest ones more. */
export const KEY = 6;
export const BIG = 8;
const LABEL = 1.9;

/** Each level has a colour AND a sign, so nobody needs to tell red from green. */
const LEVEL_TEXT: Record<Level, string> = {
  ok: "text-slate-50",
  warn: "text-amber-300",
  alarm: "text-red-400",
  none: "text-slate-50",
};

/** One queue on the TV: the figures a floor reads from across the room, and which ones need help. */
export function Tile({ tile, shape }: { tile: WallboardTile; shape: "wide" | "narrow" }) {
  const t = useTranslations("wallboard");
  const f = useFormat();
  const fours = shape === "wide" ? "grid-cols-4" : "grid-cols-2";
  const kpi = tile.kpi;
  const levels = kpi?.levels;
  const nobody = tile.waiting > 0 && tile.canRing === 0;
  const worst =
    nobody || levels?.longestWait === "alarm" || levels?.serviceLevelToday === "alarm"
      ? "alarm"
      : levels?.longestWait === "warn" || levels?.staffing === "warn"
        ? "warn"
        : "ok";
  const border =
    worst === "alarm" ? "border-red-500" : worst === "warn" ? "border-amber-400" : "border-slate-700";
  const target = kpi?.target;
  return (
    <section
      aria-label={tile.name}
      data-testid={`wallboard-tile-${tile.queueId}`}
      className={`flex min-h-0 min-w-0 flex-col justify-between overflow-hidden rounded-[1vh] border-[0.35vh] bg-slate-900 px-[1.6vh] py-[1.2vh] ${border}`}
    >
      <header className="flex items-baseline justify-between gap-[2vh]">
        <div className="flex min-w-0 items-baseline gap-[1.5vh]">
          <h2 className="truncate font-semibold text-slate-100" style={vh(3.4)}>
            {tile.name}
          </h2>
          {nobody && (
            <span
              className="shrink-0 rounded-[0.6vh] bg-red-700 px-[0.8vh] font-semibold text-white"
              style={vh(2.2)}
            >
              {t("nobodyCanRing")}
            </span>
          )}
        </div>
        {shape === "wide" && <Staffing tile={tile} />}
      </header>

      <div className="grid grid-cols-2 gap-[1.5vh]">
        <Figure
          label={t("waiting")}
          size={BIG}
          value={f.count(tile.waiting)}
          // The longest wait counts ringing callers too: say they are there, or 0 beside 0:07 reads wrong.
          note={tile.ringing > 0 ? t("plusRinging", { count: tile.ringing }) : null}
          testId="waiting"
        />
        <Figure
          label={t("longestWait")}
          size={BIG}
          value={tile.longestWaitMs > 0 ? clockDuration(tile.longestWaitMs) : "—"}
          level={levels?.longestWait}
          note={
            target && levels?.longestWait === "alarm"
              ? t("overRed", { duration: spokenDuration(t, target.longestWaitRedSec) })
              : target && levels?.longestWait === "warn"
                ? t("overAmber", { duration: spokenDuration(t, target.longestWaitAmberSec) })
                : null
          }
          testId="longest-wait"
        />
      </div>

      <div className={`grid ${fours} gap-x-[1.5vh] gap-y-[2vh]`}>
        <Figure
          label={t("slToday")}
          value={f.percent(kpi?.today.serviceLevel ?? null)}
          level={levels?.serviceLevelToday}
          note={slNote(t, levels?.serviceLevelToday, target?.serviceLevelTarget)}
          testId="sl-today"
        />
        <Figure
          label={t("slWindow", { minutes: kpi?.windowMin ?? 15 })}
          value={f.percent(kpi?.window.serviceLevel ?? null)}
          level={levels?.serviceLevelWindow}
          note={slNote(t, levels?.serviceLevelWindow, target?.serviceLevelTarget)}
          testId="sl-window"
        />
        <Figure
          label={t("asa")}
          value={kpi?.today.asaSec == null ? "—" : f.count(Math.round(kpi.today.asaSec))}
          unit={kpi?.today.asaSec == null ? undefined : t("seconds")}
          note={kpi?.today.asaSec == null ? null : t("averageToday")}
        />
        <Figure
          label={t("abandoned")}
          value={f.count(kpi?.today.abandoned ?? tile.abandoned)}
          note={
            kpi?.today.abandonRate == null
              ? null
              : t("ofCalls", { percent: f.percent(kpi.today.abandonRate) })
          }
          testId="abandoned"
        />
      </div>

      <div className={`grid ${fours} gap-x-[1.5vh] gap-y-[2vh] border-t border-slate-700 pt-[0.8vh]`}>
        <Agents label={t("canRing")} value={tile.canRing} testId="can-ring" />
        <Agents label={t("onCall")} value={tile.onCall} />
        <Agents label={t("wrapUp")} value={tile.wrapUp} />
        <Agents label={t("away")} value={tile.away} />
      </div>

      {shape === "narrow" && <Staffing tile={tile} stacked />}
    </section>
  );
}

function slNote(
  t: Translate<"wallboard">,
  level: Level | undefined,
  targetPercent: number | undefined,
): string | null {
  if (level === "alarm") return t("below", { target: targetPercent ?? "" });
  if (level === "ok") return t("target", { target: targetPercent ?? "" });
  return level === "none" ? t("noCallsYet") : null;
}

function Figure({
  label,
  value,
  unit,
  size = KEY,
  level = "none",
  note,
  testId,
}: {
  label: string;
  value: string;
  unit?: string;
  size?: number;
  level?: Level;
  note?: string | null;
  testId?: string;
}) {
  return (
    <div className="min-w-0">
      <div className="truncate font-medium uppercase tracking-wide text-slate-300" style={vh(LABEL)}>
        {label}
      </div>
      <div
        className={`font-semibold tabular-nums ${LEVEL_TEXT[level]}`}
        style={vh(size)}
        data-testid={testId}
      >
        {value}
        {unit && (
          <span className="ml-[0.3vh] font-normal text-slate-300" style={vh(size * 0.45)}>
            {unit}
          </span>
        )}
      </div>
      <Note level={level}>{note}</Note>
    </div>
  );
}

function Note({ level, children }: { level: Level; children: ReactNode }) {
  const colour = level === "alarm" ? "text-red-300" : level === "warn" ? "text-amber-300" : "text-slate-300";
  return (
    <div className={`truncate font-semibold ${colour}`} style={vh(LABEL)}>
      {children ?? "\u00a0"}
    </div>
  );
}

function Agents({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <div className="min-w-0">
      <div className="truncate uppercase tracking-wide text-slate-300" style={vh(LABEL)}>
        {label}
      </div>
      <div className="font-semibold tabular-nums text-slate-50" style={vh(KEY)} data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

/** The advisor: agents the window's traffic needs (Erlang C) against those who can ring now. */
function Staffing({ tile, stacked = false }: { tile: WallboardTile; stacked?: boolean }) {
  const t = useTranslations("wallboard");
  const advice = tile.kpi?.advice ?? null;
  const level = tile.kpi?.levels.staffing ?? "none";
  const label = (
    <span className="uppercase tracking-wide text-slate-300" style={vh(LABEL)}>
      {t("staffing")}
    </span>
  );
  const verdict =
    advice === null ? (
      <span className="text-slate-300" style={vh(LABEL)}>
        {t("notEnoughCalls")}
      </span>
    ) : (
      <span
        className={`font-semibold ${level === "warn" ? "text-amber-300" : "text-slate-300"}`}
        style={vh(2.2)}
      >
        {advice.shortBy > 0 ? t("short", { count: advice.shortBy }) : t("enough")}
      </span>
    );
  const figure = (
    <span
      className={`whitespace-nowrap font-semibold tabular-nums ${LEVEL_TEXT[level]}`}
      style={vh(3.4)}
      data-testid="staffing-advice"
    >
      {advice === null ? "—" : t("needs", { needed: advice.needed, canRing: advice.canRing })}
    </span>
  );
  // Wide tiles say it in one line beside the queue's name; narrow ones in two, at the bottom.
  return stacked ? (
    <div className="min-w-0" data-testid="staffing">
      <div className="flex items-baseline gap-[1.2vh]">
        {label}
        {verdict}
      </div>
      {figure}
    </div>
  ) : (
    <div className="flex shrink-0 items-baseline gap-[1.2vh]" data-testid="staffing">
      {label}
      {figure}
      {verdict}
    </div>
  );
}
