import { z } from "zod";

/**
 * Read at request time (never baked into the build), so one build serves any deployment.
 * Unset: the browser talks to the core on the same host at port 3001.
 */
const schema = z.object({
  CALLBOARD_SERVER_URL: z.url({ error: "CALLBOARD_SERVER_URL must be an http(s) URL" }).optional(),
});

export function serverUrlFromEnv(): string | null {
  return schema.parse(process.env).CALLBOARD_SERVER_URL ?? null;
}
