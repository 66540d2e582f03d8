export {
  type AgentAccessTokenInput,
  type AgentAccessTokenPayload,
  createAgentAccessToken,
  type VerifyAgentTokenResult,
  verifyAgentAccessToken,
} from "./agent-token.ts";
export {
  CALL_EVENT_STATUSES,
  type CallEvent,
  type CallEventStatus,
  callEventKey,
  callEventSchema,
  type ParseCallEventResult,
  parseCallEvent,
} from "./call-event.ts";
export { type CallEventInputs, callEventInputs } from "./call-event-inputs.ts";
export {
  type CustomerInfo,
  type CustomerInfoQuery,
  customerInfo,
  customerInfoQuerySchema,
} from "./customer-info.ts";
export { type PccEnvelope, pccEnvelopeSchema, pccMessage } from "./envelope.ts";
export { createLimiter, type Limiter } from "./limiter.ts";
export { PccError, type PccErrorInit, PccErrorKind } from "./pcc-error.ts";
export { fromPccManualStatus, PCC_MANUAL_STATUS } from "./pcc-manual-status.ts";
export {
  PCC_QUEUE_DEFAULTS,
  type PccAgent,
  type PccGroup,
  type PccGroupMember,
  type PccGroupRouting,
  type PccQueue,
  PccSchedule,
  pccAgentListSchema,
  pccAgentSchema,
  pccGroupListSchema,
  pccGroupMemberListSchema,
  pccGroupMemberSchema,
  pccGroupRoutingListSchema,
  pccGroupRoutingSchema,
  pccGroupSchema,
  pccQueueListSchema,
  pccQueueSchema,
} from "./pcc-records.ts";
export { type PulledCenter, type PulledRouting, pullCenter } from "./pull-center.ts";
export {
  type CurrentAgent,
  type CurrentCenter,
  type PulledSystemStatus,
  type ReconcileOptions,
  type ReconcileResult,
  reconcile,
} from "./reconcile.ts";
export {
  createPccClient,
  PCC_BASE_URL,
  PCC_PAGE_SIZE,
  type PccAgentInput,
  type PccClient,
  type PccClientOptions,
  type PccQueueInput,
} from "./rest-client.ts";
export {
  createRestToken,
  DEFAULT_TOKEN_TTL_SEC,
  type RestTokenInput,
  type RestTokenPayload,
  STRINGEE_JWT_HEADER,
} from "./rest-token.ts";
export {
  type RoutingAnswer,
  type RoutingAnswerAgent,
  type RoutingAnswerCall,
  routingAnswer,
  routingAnswerSchema,
} from "./routing-answer.ts";
export {
  MAX_CALLS_PER_ROUTING_REQUEST,
  type ParseRoutingResult,
  parseRoutingRequest,
  type RawRoutingRequest,
  type RoutingCall,
  type RoutingRequest,
  routingRequestSchema,
} from "./routing-request.ts";
export { STRINGEE_SIGNATURE_HEADER, signStringeeBody, verifyStringeeSignature } from "./signature.ts";
export {
  type SipRegistration,
  STRINGEE_SIP_DOMAIN,
  STRINGEE_SIP_PORT,
  sipRegistration,
} from "./sip-registration.ts";
export {
  RestTokenProblem,
  type VerifyRestTokenOptions,
  type VerifyRestTokenResult,
  verifyRestToken,
} from "./verify-rest-token.ts";
