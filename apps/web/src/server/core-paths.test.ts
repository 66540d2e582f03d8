import { describe, expect, it } from "vitest";
import { isCorePath } from "./core-paths";

describe("isCorePath", () => {
  it("forwards the core's doors and keeps the pages", () => {
    for (const path of [
      "/trpc/center.snapshot?input=1",
      "/socket.io/?EIO=4",
      "/auth/sign-in",
      "/api/events",
      "/healthz",
      "/metrics",
    ]) {
      expect(isCorePath(path), path).toBe(true);
    }
    for (const path of [
      "/",
      "/signin",
      "/admin/users",
      "/wallboard?token=x",
      "/_next/static/x.js",
      "/healthzz",
      "/api/eventsx",
      "/authx",
    ]) {
      expect(isCorePath(path), path).toBe(false);
    }
  });
});
