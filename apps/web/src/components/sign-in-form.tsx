"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import type { Translate } from "~/i18n/types";
import { type SignInProblem, safeNextPath, signIn, signInWithLink } from "~/lib/session";
import { LanguageSwitch, ThemeSwitch } from "./preferences";

/** Back to where the person was going (this site only). */
function proceed(): void {
  const next = new URLSearchParams(window.location.search).get("next");
  window.location.replace(safeNextPath(next, window.location.origin));
}

function problemText(t: Translate<"signIn">, problem: SignInProblem): string {
  switch (problem.kind) {
    case "server":
      return problem.message;
    case "unreachable":
      return t("unreachable");
    case "tooMany":
      return problem.wait ? t("tooMany", { seconds: problem.wait }) : t("tooManySoon");
    case "wrong":
      return t("wrong");
    case "failed":
      return t("failed", { status: problem.status });
  }
}

/** Username and password, or (the demo's first start) a one-time link in the URL's fragment. */
export function SignInForm() {
  const t = useTranslations("signIn");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<SignInProblem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // The fragment never reaches a server log; it is read here once and removed from the address bar.
    const code = new URLSearchParams(window.location.hash.slice(1)).get("link");
    if (!code) return;
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    setBusy(true);
    signInWithLink(code).then((outcome) => {
      if (outcome.ok) proceed();
      else {
        setBusy(false);
        setError(outcome.problem);
      }
    });
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const outcome = await signIn(username, password);
    if (outcome.ok) proceed();
    else {
      setBusy(false);
      setError(outcome.problem);
    }
  };

  return (
    <form
      onSubmit={submit}
      className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm"
      aria-label={t("form")}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Callboard</h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">{t("tagline")}</p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <LanguageSwitch />
          <ThemeSwitch />
        </div>
      </div>
      <label className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        {t("username")}
        <input
          className="mt-1 block w-full rounded border border-slate-300 dark:border-slate-600 px-3 py-2 text-slate-900 dark:text-slate-100 focus:border-sky-500 focus:outline-none"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          required
          maxLength={64}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        {t("password")}
        <input
          className="mt-1 block w-full rounded border border-slate-300 dark:border-slate-600 px-3 py-2 text-slate-900 dark:text-slate-100 focus:border-sky-500 focus:outline-none"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p
          role="alert"
          className="rounded bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-700 dark:text-red-300"
        >
          {problemText(t, error)}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded bg-sky-700 px-3 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {busy ? t("signingIn") : t("submit")}
      </button>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t.rich("noAccount", { code: (chunks) => <code>{chunks}</code> })}
      </p>
    </form>
  );
}
