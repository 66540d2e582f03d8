/** Type-only surface for the web app: the tRPC router type. */
export type { AppRouter } from "./trpc/root.ts";
