/**
 * A path on this site to return to after signing in; anything that resolves elsewhere goes home.
 * Resolved with the URL parser itself, so `//host`, `/\\host` and `/\t/host` (tabs and newlines are
 * stripped by URL parsing) cannot smuggle another origin in.
 */
export function safeNextPath(next: string | null, origin = "http://callboard.invalid"): string {
  if (!next?.startsWith("/")) return "/";
  try {
    const url = new URL(next, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}

/** Why signing in failed: the server's own words when it gave some, else what the form says in the viewer's language. */
export type SignInProblem =
  | { kind: "server"; message: string }
  | { kind: "unreachable" }
  | { kind: "tooMany"; wait: string | null }
  | { kind: "wrong" }
  | { kind: "failed"; status: number };

export type SignInOutcome = { ok: true } | { ok: false; problem: SignInProblem };

const fail = (problem: SignInProblem): SignInOutcome => ({ ok: false, problem });

async function post(path: string, body: unknown): Promise<SignInOutcome> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return fail({ kind: "unreachable" });
  }
  if (res.ok) return { ok: true };
  const payload = (await res.json().catch(() => null)) as { error?: string } | null;
  if (payload?.error) return fail({ kind: "server", message: capitalize(payload.error) });
  if (res.status === 429) return fail({ kind: "tooMany", wait: res.headers.get("retry-after") });
  if (res.status === 401) return fail({ kind: "wrong" });
  return fail({ kind: "failed", status: res.status });
}

const capitalize = (text: string) =>
  text.charAt(0).toUpperCase() + text.slice(1) + (text.endsWith(".") ? "" : ".");

export const signIn = (username: string, password: string) => post("/auth/sign-in", { username, password });
export const signInWithLink = (code: string) => post("/auth/sign-in-link", { code });

/** Ends the session at the core (the cookie is cleared there) and returns to the sign-in form. */
export async function signOut(): Promise<void> {
  await fetch("/auth/sign-out", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
    credentials: "same-origin",
  }).catch(() => undefined);
  window.location.assign("/signin");
}
