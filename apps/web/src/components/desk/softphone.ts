import type { CallboardClient } from "~/lib/trpc";

/** What the desk's buttons do to a call; the same UI drives Callboard's own phone or Stringee's SDK. */
export interface Softphone {
  answer(callId: string): Promise<void>;
  decline(callId: string): Promise<void>;
  hangUp(callId: string): Promise<void>;
  close(): void;
}

/** Where a softphone tells the page what it is doing (the SDK logs in, fails, is taken elsewhere). */
export type SoftphoneState =
  | { kind: "ready" }
  | { kind: "connecting" }
  | { kind: "failed"; message: string }
  | { kind: "other-device" };

/**
 * Standalone mode: Callboard's engine is the telephony (the server's telephony port); the buttons
 * are its commands, sent as this tab.
 */
export function standaloneSoftphone(client: CallboardClient, deviceId: string): Softphone {
  return {
    answer: async (callId) => void (await client.desk.answer.mutate({ callId, deviceId })),
    decline: async (callId) => void (await client.desk.decline.mutate({ callId, deviceId })),
    hangUp: async (callId) => void (await client.desk.hangUp.mutate({ callId, deviceId })),
    close: () => {},
  };
}
