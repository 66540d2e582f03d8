import { signStringeeBody } from "../signature.ts";

/** Posts a call event like Stringee does: raw JSON, signed in `X-STRINGEE-SIGNATURE` when a secret is given. */
export async function signAndPostCallEvent(
  url: string,
  secret: string | null,
  event: unknown,
): Promise<{ status: number; body: string }> {
  const raw = typeof event === "string" ? event : JSON.stringify(event);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (secret !== null) headers["X-STRINGEE-SIGNATURE"] = signStringeeBody(secret, raw);
  const response = await fetch(url, { method: "POST", headers, body: raw });
  return { status: response.status, body: await response.text() };
}
