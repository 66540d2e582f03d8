import { z } from "zod";

/**
 * The dashboard's server, configured at start (never baked into the build), so one build serves any
 * deployment. Browsers talk only to the dashboard; it forwards the core's doors to CALLBOARD_CORE_URL.
 */
const schema = z.object({
  /** Where the core listens (usually on loopback, beside the dashboard). */
  CALLBOARD_CORE_URL: z
    .url({ error: "CALLBOARD_CORE_URL must be an http(s) URL" })
    .default("http://127.0.0.1:3001"),
  /**
   * Split mode (decision 0018): board gateways, comma-separated; boards' and wallboards' sockets and
   * the board's snapshot go to them (one per connection, skipping one that just failed). Unset: all to the core.
   */
  CALLBOARD_GATEWAY_URLS: z
    .string()
    .max(4_096)
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((url) => url.trim().replace(/\/+$/, ""))
        .filter((url) => url.length > 0),
    )
    .pipe(
      z.array(
        z.url({
          protocol: /^https?$/,
          error: "CALLBOARD_GATEWAY_URLS must be http(s) URLs, comma-separated",
        }),
      ),
    ),
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** All interfaces by default: other screens on the floor open the board through this port. */
  WEB_HOST: z.string().min(1).default("0.0.0.0"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export interface WebConfig {
  coreUrl: string;
  /** Board gateways (CALLBOARD_GATEWAY_URLS); empty = the core serves every socket. */
  gatewayUrls: string[];
  port: number;
  host: string;
  dev: boolean;
}

export function loadWebConfig(env: Record<string, string | undefined> = process.env): WebConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const e = parsed.data;
  return {
    coreUrl: e.CALLBOARD_CORE_URL.replace(/\/+$/, ""),
    gatewayUrls: e.CALLBOARD_GATEWAY_URLS,
    port: e.WEB_PORT,
    host: e.WEB_HOST,
    dev: e.NODE_ENV === "development",
  };
}

/** Next inlines NODE_ENV at build time; the middleware's CSP allows eval only in development. */
export const isDevelopment = process.env.NODE_ENV === "development";
