"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition, useCallback, useState } from "react";
import { useSelfRetry } from "~/components/use-self-retry";
import { retryDelayMs } from "~/components/wallboard-model";

/**
 * A render error on the board says what went wrong and retries by itself (2, 4, 8 … s, then every
 * minute), so a board left on a second screen comes back without a click; the button retries now.
 */
export default function BoardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errors");
  const router = useRouter();
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setAttempt((n) => n + 1);
    startTransition(() => {
      router.refresh();
      reset();
    });
  }, [reset, router]);
  const left = useSelfRetry(retryDelayMs(attempt), retry);

  return (
    <div role="alert" className="flex h-full flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="font-medium text-rose-700 dark:text-rose-300">{t("board", { message: error.message })}</p>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("retryIn", { seconds: left })}</p>
      <button
        type="button"
        onClick={() => startTransition(() => reset())}
        className="rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-1 text-sm hover:border-slate-500 dark:hover:border-slate-400"
      >
        {t("retryNow")}
      </button>
    </div>
  );
}
