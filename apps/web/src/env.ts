import { z } from "zod";

/**
 * Read at request time (never baked into the build), so one build serves any deployment.
 * Without a URL the browser talks to the core on the page's own host, at CALLBOARD_SERVER_PORT.
 */
const schema = z.object({
  CALLBOARD_SERVER_URL: z.url({ error: "CALLBOARD_SERVER_URL must be an http(s) URL" }).optional(),
  CALLBOARD_SERVER_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
});

/** Where the browser finds the core: a full URL, or a port on the host the page came from. */
export type CoreLocation = { url: string } | { port: number };

export function coreLocationFromEnv(): CoreLocation {
  const env = schema.parse(process.env);
  return env.CALLBOARD_SERVER_URL ? { url: env.CALLBOARD_SERVER_URL } : { port: env.CALLBOARD_SERVER_PORT };
}
