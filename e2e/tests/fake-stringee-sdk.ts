/**
 * A stand-in for the Stringee Web SDK at the interface the agent desk relies on (listed in
 * apps/web/src/components/desk/stringee-sdk.ts): real Stringee is unreachable from a test machine.
 * Installed before the page's own scripts (page.addInitScript), it is what the desk's
 * `loadStringeeSdk` finds. The test plays PCC's part: it rings the SDK (`window.__fakeStringee.ring`)
 * for the call Callboard routed, and asks for a new token (`emit("requestnewtoken")`).
 */
export function installFakeStringeeSdk() {
  type Listener = (...args: unknown[]) => void;
  class Emitter {
    private readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }
  const log: string[] = [];
  class FakeCall extends Emitter {
    constructor(
      readonly callId: string,
      readonly fromNumber: string,
      readonly customDataFromYourServer: string,
    ) {
      super();
    }
    answer(callback: (r: { r: number }) => void) {
      log.push(`answer ${this.callId}`);
      setTimeout(() => callback({ r: 0 }), 10);
    }
    reject(callback: (r: { r: number }) => void) {
      log.push(`reject ${this.callId}`);
      setTimeout(() => callback({ r: 0 }), 10);
    }
    hangup(callback: (r: { r: number }) => void) {
      log.push(`hangup ${this.callId}`);
      setTimeout(() => {
        callback({ r: 0 });
        this.emit("signalingstate", { code: 6, reason: "Ended" });
      }, 10);
    }
  }
  class StringeeClient extends Emitter {
    tokens: string[] = [];
    constructor() {
      super();
      (window as unknown as Record<string, unknown>).__fakeStringee = this;
    }
    connect(token: string) {
      this.tokens.push(token);
      // The desk's token as PCC would read it: the agent is the token's userId.
      const claims = JSON.parse(atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as {
        userId?: string;
        icc_api?: boolean;
      };
      const ok = claims.icc_api === true && typeof claims.userId === "string";
      log.push(`connect ${claims.userId}`);
      setTimeout(
        () =>
          this.emit(
            "authen",
            ok ? { r: 0, userId: claims.userId, message: "SUCCESS" } : { r: 1, message: "bad token" },
          ),
        10,
      );
    }
    disconnect() {
      log.push("disconnect");
      this.emit("disconnect");
    }
    ring(callId: string, fromNumber: string, customData = "") {
      this.emit("incomingcall", new FakeCall(callId, fromNumber, customData));
    }
  }
  (window as unknown as Record<string, unknown>).__fakeStringeeLog = log;
  (window as unknown as Record<string, unknown>).__CALLBOARD_STRINGEE_SDK__ = { StringeeClient };
}
