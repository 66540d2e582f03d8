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

export type SignInOutcome = { ok: true } | { ok: false; message: string };

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
    return { ok: false, message: "Callboard cannot be reached. Check the connection and try again." };
  }
  if (res.ok) return { ok: true };
  const payload = (await res.json().catch(() => null)) as { error?: string } | null;
  if (res.status === 429) {
    const wait = res.headers.get("retry-after");
    if (payload?.error) return { ok: false, message: capitalize(payload.error) };
    return { ok: false, message: `Too many failed attempts. Try again in ${wait ?? "a few"} seconds.` };
  }
  if (res.status === 401)
    return { ok: false, message: payload?.error ? capitalize(payload.error) : "Wrong username or password." };
  return {
    ok: false,
    message: payload?.error ? capitalize(payload.error) : `Sign-in failed (HTTP ${res.status}).`,
  };
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
