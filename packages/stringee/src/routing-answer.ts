import { MIN_ANSWER_TIMEOUT_SEC, RoutingType } from "@callboard/routing";
import { z } from "zod";

/** One agent to offer a call to, in Callboard's words. */
export interface RoutingAnswerAgent {
  stringeeUserId: string;
  routingType: RoutingType;
  phoneNumber: string | null;
}

/** The agents to try for one call, best first. */
export interface RoutingAnswerCall {
  callId: string;
  agents: RoutingAnswerAgent[];
}

/** The `version: 2` answer PCC reads from get_list_agents_url (§6); agents are tried in list order. */
export const routingAnswerSchema = z.object({
  version: z.literal(2),
  calls: z.array(
    z.object({
      callId: z.string().min(1),
      agents: z.array(
        z.object({
          stringee_user_id: z.string().min(1),
          routing_type: z.union([z.literal(1), z.literal(2)]),
          phone_number: z.string().min(1).optional(),
          answer_timeout: z.number().int().min(MIN_ANSWER_TIMEOUT_SEC),
        }),
      ),
    }),
  ),
});
export type RoutingAnswer = z.infer<typeof routingAnswerSchema>;

/**
 * Builds the answer in PCC's wire names. `phone_number` is sent only for routing_type 2; a type-2 agent
 * without a phone number cannot ring, so it is left out. The timeout is a whole number ≥ 3 (PCC's minimum).
 */
export function routingAnswer(calls: RoutingAnswerCall[], answerTimeoutSec: number): RoutingAnswer {
  const answerTimeout = Math.max(MIN_ANSWER_TIMEOUT_SEC, Math.round(answerTimeoutSec));
  return {
    version: 2,
    calls: calls.map((call) => ({
      callId: call.callId,
      agents: call.agents.flatMap((agent): RoutingAnswer["calls"][number]["agents"] => {
        if (agent.routingType === RoutingType.PHONE) {
          if (!agent.phoneNumber) return [];
          return [
            {
              stringee_user_id: agent.stringeeUserId,
              routing_type: 2 as const,
              phone_number: agent.phoneNumber,
              answer_timeout: answerTimeout,
            },
          ];
        }
        return [
          { stringee_user_id: agent.stringeeUserId, routing_type: 1 as const, answer_timeout: answerTimeout },
        ];
      }),
    })),
  };
}
