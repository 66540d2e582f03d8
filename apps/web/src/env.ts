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
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** All interfaces by default: other screens on the floor open the board through this port. */
  WEB_HOST: z.string().min(1).default("0.0.0.0"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export interface WebConfig {
  coreUrl: string;
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
    port: e.WEB_PORT,
    host: e.WEB_HOST,
    dev: e.NODE_ENV === "development",
  };
}

/** Next inlines NODE_ENV at build time; the middleware's CSP allows eval only in development. */
export const isDevelopment = process.env.NODE_ENV === "development";
