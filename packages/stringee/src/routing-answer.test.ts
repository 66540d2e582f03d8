import { describe, expect, it } from "vitest";
import { routingAnswer, routingAnswerSchema } from "./routing-answer.ts";

describe("routingAnswer", () => {
  it("builds PCC's version 2 answer, phone_number only for routing type 2", () => {
    const answer = routingAnswer(
      [
        {
          callId: "c1",
          agents: [
            { stringeeUserId: "agent_1", routingType: 1, phoneNumber: "84900000001" },
            { stringeeUserId: "agent_2", routingType: 2, phoneNumber: "84900000002" },
          ],
        },
        { callId: "c2", agents: [] },
      ],
      15,
    );
    expect(answer).toEqual({
      version: 2,
      calls: [
        {
          callId: "c1",
          agents: [
            { stringee_user_id: "agent_1", routing_type: 1, answer_timeout: 15 },
            { stringee_user_id: "agent_2", routing_type: 2, phone_number: "84900000002", answer_timeout: 15 },
          ],
        },
        { callId: "c2", agents: [] },
      ],
    });
    expect(routingAnswerSchema.safeParse(answer).success).toBe(true);
  });

  it("drops a phone agent without a number and keeps the timeout a whole number ≥ 3", () => {
    const answer = routingAnswer(
      [{ callId: "c", agents: [{ stringeeUserId: "p", routingType: 2, phoneNumber: null }] }],
      1.2,
    );
    expect(answer.calls[0]?.agents).toEqual([]);
    const one = routingAnswer(
      [{ callId: "c", agents: [{ stringeeUserId: "a", routingType: 1, phoneNumber: null }] }],
      1,
    );
    expect(one.calls[0]?.agents[0]?.answer_timeout).toBe(3);
  });
});
