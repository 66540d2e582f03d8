import { describe, expect, it } from "vitest";
import { isCorePath, isGatewayPath } from "./core-paths";

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

describe("isGatewayPath", () => {
  it("sends boards' and wallboards' sockets and the snapshot to gateways, the desk's socket to the core", () => {
    for (const path of ["/socket.io/?EIO=4&transport=websocket", "/socket.io/", "/live/snapshot"]) {
      expect(isGatewayPath(path), path).toBe(true);
    }
    for (const path of [
      "/socket.io/?audience=desk&EIO=4&transport=websocket",
      "/trpc/center.snapshot",
      "/live/snapshotx",
      "/auth/sign-in",
      "/",
    ]) {
      expect(isGatewayPath(path), path).toBe(false);
    }
  });
});
