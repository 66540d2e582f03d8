"use client";

import { type FormEvent, useEffect, useState } from "react";
import { safeNextPath, signIn, signInWithLink } from "~/lib/session";

/** Back to where the person was going (this site only). */
function proceed(): void {
  const next = new URLSearchParams(window.location.search).get("next");
  window.location.replace(safeNextPath(next, window.location.origin));
}

/** Username and password, or (the demo's first start) a one-time link in the URL's fragment. */
export function SignInForm() {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
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
        setError(outcome.message);
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
      setError(outcome.message);
    }
  };

  return (
    <form
      onSubmit={submit}
      className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      aria-label="Sign in"
    >
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Callboard</h1>
        <p className="text-sm text-slate-500">Sign in to watch and steer the center.</p>
      </div>
      <label className="block text-sm font-medium text-slate-700">
        Username
        <input
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-slate-900 focus:border-sky-500 focus:outline-none"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          required
          maxLength={64}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Password
        <input
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-slate-900 focus:border-sky-500 focus:outline-none"
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
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded bg-sky-700 px-3 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {busy ? "Signing in…" : "Sign in"}
      </button>
      <p className="text-xs text-slate-500">
        No account? An admin creates one (Users page), or on the server: <code>pnpm user:add</code>.
      </p>
    </form>
  );
}
