import type { DeskToken } from "@callboard/contracts";
import type { CallboardClient } from "~/lib/trpc";
import type { Softphone, SoftphoneState } from "./softphone";
import {
  loadStringeeSdk,
  SIGNALING_ENDED,
  type StringeeCallLike,
  type StringeeClientLike,
  type StringeeResult,
} from "./stringee-sdk";

/** The SDK's callbacks as a promise: r === 0 is done, anything else is the SDK's message. */
const done = (act: (callback: (result: StringeeResult) => void) => void) =>
  new Promise<void>((resolve, reject) =>
    act((result) =>
      result.r === 0 ? resolve() : reject(new Error(result.message ?? `Stringee refused (r=${result.r})`)),
    ),
  );

/**
 * Stringee mode: PCC rings this page's Stringee SDK. The buttons act on the SDK's call first (PCC
 * carries the audio), then tell Callboard what was done, through the agent's session — PCC's call
 * events name no agent, so the desk's word is how Callboard knows who took the call. The SDK logs in
 * with a short-lived token from `desk.token` (the agent's session, never the operator token), renewed
 * before it lapses and whenever the SDK asks (`requestnewtoken`).
 */
export async function stringeeSoftphone(options: {
  client: CallboardClient;
  deviceId: string;
  onState: (state: SoftphoneState) => void;
  /** The SDK is logged in (true) or not (false): the page's presence follows it. */
  onConnected: (connected: boolean) => void;
  onRemoteStream: (stream: MediaStream | null) => void;
}): Promise<Softphone> {
  const { client, deviceId, onState, onConnected, onRemoteStream } = options;
  const sdk = await loadStringeeSdk();
  const stringee: StringeeClientLike = new sdk.StringeeClient();
  const calls = new Map<string, StringeeCallLike>();
  let next: DeskToken | null = null;
  let renewTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  /** A token valid for a while yet: the one fetched ahead of time, or a fresh one. */
  const token = async (): Promise<string> => {
    const cached = next;
    next = null;
    const issued =
      cached && cached.expiresAt > Date.now() + 30_000 ? cached : await client.desk.token.mutate();
    if (renewTimer) clearTimeout(renewTimer);
    // Before this one lapses, fetch the next, so the SDK's requestnewtoken is answered at once.
    renewTimer = setTimeout(
      () => {
        client.desk.token.mutate().then(
          (fresh) => {
            next = fresh;
          },
          () => {},
        );
      },
      Math.max(1_000, issued.renewAt - Date.now()),
    );
    return issued.token;
  };
  const connect = () =>
    token().then(
      (t) => !closed && stringee.connect(t),
      (error: Error) => onState({ kind: "failed", message: error.message }),
    );

  stringee.on("authen", (result) => {
    if (result.r === 0) {
      onState({ kind: "ready" });
      onConnected(true);
    } else {
      onState({ kind: "failed", message: result.message ?? `r=${result.r}` });
      onConnected(false);
    }
  });
  stringee.on("disconnect", () => {
    onConnected(false);
    if (!closed) onState({ kind: "connecting" });
  });
  stringee.on("requestnewtoken", () => void connect());
  stringee.on("otherdeviceauthen", () => onState({ kind: "other-device" }));
  stringee.on("incomingcall", (call) => {
    calls.set(call.callId, call);
    call.on("addremotestream", (stream) => onRemoteStream(stream));
    call.on("signalingstate", (state) => {
      if (state.code !== SIGNALING_ENDED) return;
      calls.delete(call.callId);
      onRemoteStream(null);
      // PCC ended the call (the caller hung up): its own call event tells Callboard too; this report
      // is for the desk's hang-up path only, so an error here (already ended) is expected.
      void client.desk.hangUp.mutate({ callId: call.callId, deviceId }).catch(() => {});
    });
  });
  onState({ kind: "connecting" });
  void connect();

  const sdkCall = (callId: string) => {
    const call = calls.get(callId);
    if (!call) throw new Error("This call has not reached your Stringee softphone (yet).");
    return call;
  };
  return {
    async answer(callId) {
      const call = sdkCall(callId);
      await done((cb) => call.answer(cb));
      await client.desk.answer.mutate({ callId, deviceId });
    },
    async decline(callId) {
      const call = sdkCall(callId);
      await done((cb) => call.reject(cb));
      calls.delete(callId);
      await client.desk.decline.mutate({ callId, deviceId });
    },
    async hangUp(callId) {
      const call = calls.get(callId);
      if (call) await done((cb) => call.hangup(cb));
      calls.delete(callId);
      onRemoteStream(null);
      await client.desk.hangUp.mutate({ callId, deviceId });
    },
    close() {
      closed = true;
      if (renewTimer) clearTimeout(renewTimer);
      stringee.disconnect();
    },
  };
}
