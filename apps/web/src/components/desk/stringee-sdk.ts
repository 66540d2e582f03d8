/**
 * The part of the official Stringee Web SDK (npm `stringee`, 2.9.x) the agent desk relies on — all
 * of it, so a fake can stand in for it in tests (e2e/tests/fake-stringee-sdk.ts) and a new SDK
 * version is checked against this list:
 *
 * - `new StringeeClient()`; `client.connect(token)`; `client.disconnect()`
 * - client events: `authen` ({r, message, userId}; r === 0 is logged in), `disconnect`,
 *   `incomingcall` (a StringeeCall), `requestnewtoken` (connect again with a fresh token),
 *   `otherdeviceauthen` (the same user logged in elsewhere)
 * - a call: `callId`, `fromNumber`, `customDataFromYourServer` (get_customer_info_url's answer);
 *   `answer(cb)`, `reject(cb)`, `hangup(cb)` whose callbacks get {r, message} (r === 0 is done);
 *   events `addremotestream` (MediaStream to play) and `signalingstate` ({code, reason}; 6 = ended)
 *
 * @see https://github.com/stringeecom/web-sdk-samples/tree/master/NpmStringeeSample
 */
export interface StringeeResult {
  r: number;
  message?: string;
}

export interface StringeeCallLike {
  callId: string;
  fromNumber: string;
  customDataFromYourServer?: string;
  answer(callback: (result: StringeeResult) => void): void;
  reject(callback: (result: StringeeResult) => void): void;
  hangup(callback: (result: StringeeResult) => void): void;
  on(event: "addremotestream", listener: (stream: MediaStream) => void): void;
  on(event: "signalingstate", listener: (state: { code: number; reason?: string }) => void): void;
}

export interface StringeeClientLike {
  connect(token: string): void;
  disconnect(): void;
  on(event: "authen", listener: (result: StringeeResult & { userId?: string }) => void): void;
  on(event: "disconnect" | "requestnewtoken" | "otherdeviceauthen", listener: () => void): void;
  on(event: "incomingcall", listener: (call: StringeeCallLike) => void): void;
}

export interface StringeeSdk {
  StringeeClient: new () => StringeeClientLike;
}

/** Signaling state code of a call that ended (the SDK's samples). */
export const SIGNALING_ENDED = 6;

/**
 * A test seam: when a test page defines this global before the app loads (Playwright's
 * addInitScript), it is used instead of the real SDK, which cannot reach Stringee from a test
 * machine. A page's own script could set it too — but such a script already controls the page.
 */
const FAKE_SDK_GLOBAL = "__CALLBOARD_STRINGEE_SDK__";

/** The SDK, loaded only when the agent desk runs in stringee mode (its own chunk: the board never loads it). */
export async function loadStringeeSdk(): Promise<StringeeSdk> {
  const fake = (globalThis as Record<string, unknown>)[FAKE_SDK_GLOBAL];
  if (fake) return fake as StringeeSdk;
  return (await import("stringee")) as unknown as StringeeSdk;
}
