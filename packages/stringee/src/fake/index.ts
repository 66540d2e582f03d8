export { type CallEventInput, callEvent, type FakeParty } from "./call-event-builder.ts";
export { callRoutingWebhook, type RoutingWebhookRequest } from "./call-routing-webhook.ts";
export {
  FAKE_AUTH_ERROR_R,
  FAKE_ERROR_R,
  FakeFailure,
  type FakePcc,
  type FakePccOptions,
  type FakeRequest,
  startFakePcc,
} from "./fake-pcc.ts";
export {
  type AddAgentInput,
  type AddQueueInput,
  createFakeStore,
  type FakeAgentRow,
  type FakeGroupRow,
  type FakeMemberRow,
  type FakeQueueRow,
  type FakeRoutingRow,
  type FakeStore,
} from "./fake-store.ts";
export { signAndPostCallEvent } from "./post-call-event.ts";
