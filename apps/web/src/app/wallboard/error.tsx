"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition, useCallback, useState } from "react";
import { useSelfRetry } from "~/components/use-self-retry";
import { retryDelayMs } from "~/components/wallboard-model";
import { RETRY_KEY, readCount, reloadWhenReachable, writeCount } from "~/components/wallboard-recovery";

/** Every this many soft retries, a full reload (fresh code and chunks) — when the dashboard answers. */
const RELOAD_EVERY = 3;

/**
 * A render error or a failed load on the wallboard: nobody is there to click, so it says what
 * happened and retries by itself, backing off to once a minute, forever. Soft retries re-render the
 * segment; every third one reloads the page (only once the dashboard answers, so a TV never ends up
 * on the browser's own error page, which would stop all retrying). Live data resets the count.
 */
export default function WallboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errors");
  const router = useRouter();
  // The attempt number survives remounts and reloads; the feed clears it once data flows again.
  const [attempt] = useState(() => {
    const n = readCount(RETRY_KEY);
    writeCount(RETRY_KEY, n + 1);
    return n;
  });
  const hard = (attempt + 1) % RELOAD_EVERY === 0;
  const retry = useCallback(() => {
    if (hard) {
      void reloadWhenReachable();
      return;
    }
    startTransition(() => {
      router.refresh();
      reset();
    });
  }, [hard, reset, router]);
  const left = useSelfRetry(retryDelayMs(attempt), retry);

  return (
    <div
      role="alert"
      data-testid="wallboard-error"
      className="flex h-dvh cursor-none flex-col items-center justify-center gap-[2vh] bg-slate-950 p-[4vh] text-center text-slate-100"
    >
      <p className="font-semibold" style={{ fontSize: "4vh" }}>
        {t("wallboard", { message: error.message || t("didNotLoad") })}
      </p>
      <p className="text-slate-300" style={{ fontSize: "3vh" }}>
        {left > 0
          ? t(hard ? "reloadIn" : "retryAttemptIn", { seconds: left, attempt: attempt + 1 })
          : hard
            ? t("reloadWhenUp")
            : t("retrying")}
      </p>
    </div>
  );
}
