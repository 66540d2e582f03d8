import { describe, expect, it } from "vitest";
import {
  pccAgentListSchema,
  pccAgentSchema,
  pccGroupListSchema,
  pccGroupMemberListSchema,
  pccGroupRoutingListSchema,
  pccQueueListSchema,
  pccQueueSchema,
} from "./pcc-records.ts";

const AGENT = {
  id: "AG_XPHOV0V7X71EFH98",
  account: 1,
  project: 123,
  name: "Lan",
  stringee_user_id: "agent_lan",
  manual_status: "NOT AVAILABLE",
  routing_type: 1,
  phone_number: "",
  system_status: 1,
  device_status: 0,
  webhook_status: "?",
};

describe("agent list", () => {
  it("reads the documented envelope with string counts", () => {
    const data = pccAgentListSchema.parse({
      totalAgents: "2",
      totalPages: 1,
      currentPage: 1,
      limit: 50,
      agents: [AGENT, { ...AGENT, id: "2QAX0YOR5D55HH0N", routing_type: "2", phone_number: "84912345678" }],
    });
    expect(data.totalAgents).toBe(2);
    expect(data.agents[0]).toEqual({
      id: "AG_XPHOV0V7X71EFH98",
      name: "Lan",
      stringee_user_id: "agent_lan",
      manual_status: "NOT AVAILABLE",
      routing_type: 1,
      phone_number: null,
      system_status: 1,
      device_status: 0,
      last_time_pickup: null,
      last_time_support_call_ended: null,
    });
    expect(data.agents[1]).toMatchObject({ routing_type: 2, phone_number: "84912345678" });
  });

  it("tolerates numeric counts, string pages, missing optional fields, system_status 2 and strings", () => {
    const data = pccAgentListSchema.parse({
      totalAgents: 1,
      totalPages: "3",
      currentPage: "2",
      agents: [{ id: "AG_1", name: "A", stringee_user_id: "a", system_status: "2" }],
    });
    expect(data).toMatchObject({ totalPages: 3, currentPage: 2, limit: null });
    expect(data.agents[0]).toMatchObject({
      manual_status: "",
      routing_type: 1,
      phone_number: null,
      system_status: 2,
    });
    expect(pccAgentSchema.parse({ ...AGENT, phone_number: null, system_status: null })).toMatchObject({
      phone_number: null,
      system_status: null,
    });
  });

  it("refuses agents without ids and bad enums", () => {
    expect(pccAgentSchema.safeParse({ ...AGENT, stringee_user_id: "" }).success).toBe(false);
    expect(pccAgentSchema.safeParse({ ...AGENT, id: undefined }).success).toBe(false);
    expect(pccAgentSchema.safeParse({ ...AGENT, routing_type: 3 }).success).toBe(false);
    expect(pccAgentSchema.safeParse({ ...AGENT, system_status: "busy" }).success).toBe(false);
    expect(pccAgentSchema.safeParse({ ...AGENT, system_status: -1 }).success).toBe(false);
    // Any other whole number is kept as PCC reported it (not free: only 1 is).
    expect(pccAgentSchema.parse({ ...AGENT, system_status: 7 }).system_status).toBe(7);
    expect(pccAgentListSchema.safeParse({ totalAgents: "two", agents: [] }).success).toBe(false);
    expect(pccAgentListSchema.safeParse({ totalAgents: "2" }).success).toBe(false);
  });
});

describe("group, member and routing lists", () => {
  it("read the documented samples", () => {
    const groups = pccGroupListSchema.parse({
      totalGroups: "1",
      totalPages: 1,
      currentPage: 1,
      limit: 50,
      groups: [{ id: "GR_PPOJHJCJVDFC7VQC", account: 1, project: 2, name: "Support", number_of_agent: 3 }],
    });
    expect(groups.groups).toEqual([{ id: "GR_PPOJHJCJVDFC7VQC", name: "Support", number_of_agent: 3 }]);
    const members = pccGroupMemberListSchema.parse({
      totalCount: "3",
      totalPages: 1,
      currentPage: 1,
      limit: 50,
      groupAgents: [{ account: 1, project: 2, agent_id: "AG_1", group_id: "GR_1" }],
    });
    expect(members).toMatchObject({ totalCount: 3, groupAgents: [{ agent_id: "AG_1", group_id: "GR_1" }] });
    const routings = pccGroupRoutingListSchema.parse({
      totalCount: "2",
      groupRoutings: [
        { id: "GR_RO_767XB0XBNTX6Z751", queue_id: "QU_1", group_id: "GR_1", primary_group: 1 },
        { id: "GR_RO_2", queue_id: "QU_1", group_id: "GR_2", primary_group: "0" },
        { id: "GR_RO_3", queue_id: "QU_1", group_id: "GR_3", primary_group: true },
      ],
    });
    expect(routings.groupRoutings.map((r) => r.primary_group)).toEqual([1, 0, 1]);
  });

  it("refuse bad rows", () => {
    expect(pccGroupListSchema.safeParse({ groups: [{ name: "no id" }] }).success).toBe(false);
    expect(pccGroupMemberListSchema.safeParse({ groupAgents: [{ agent_id: "AG_1" }] }).success).toBe(false);
    expect(
      pccGroupRoutingListSchema.safeParse({
        groupRoutings: [{ id: "x", queue_id: "q", group_id: "g", primary_group: 2 }],
      }).success,
    ).toBe(false);
  });
});

describe("queue", () => {
  it("fills PCC's defaults for missing fields", () => {
    expect(pccQueueSchema.parse({ id: "QU_1", name: "Sales" })).toEqual({
      id: "QU_1",
      name: "Sales",
      agent_wrap_up_after_calls: true,
      wrap_up_time_limit: 10,
      schedule: 1,
      wait_agent_answer_timeout: 15,
      maximum_queue_size: 5,
      maximum_queue_wait_time: 60,
      record_calls: true,
      get_list_agents_url: null,
      from_number_callout_to_agent: null,
      route_to_backup_groups_after: null,
    });
  });

  it("reads 0/1 booleans and string numbers", () => {
    const q = pccQueueSchema.parse({
      id: "QU_1",
      name: "Sales",
      agent_wrap_up_after_calls: 0,
      record_calls: "1",
      wrap_up_time_limit: "20",
      schedule: "2",
      wait_agent_answer_timeout: 30,
      get_list_agents_url: "https://cb.example/route",
      route_to_backup_groups_after: 15,
      enable_voicemail: 1,
    });
    expect(q).toMatchObject({
      agent_wrap_up_after_calls: false,
      record_calls: true,
      wrap_up_time_limit: 20,
      schedule: 2,
      get_list_agents_url: "https://cb.example/route",
      route_to_backup_groups_after: 15,
    });
  });

  it("refuses bad values", () => {
    expect(pccQueueSchema.safeParse({ id: "QU_1", name: "x", schedule: 3 }).success).toBe(false);
    expect(
      pccQueueSchema.safeParse({ id: "QU_1", name: "x", agent_wrap_up_after_calls: "yes" }).success,
    ).toBe(false);
    expect(pccQueueSchema.safeParse({ id: "QU_1", name: "x", wrap_up_time_limit: 1.5 }).success).toBe(false);
    expect(pccQueueListSchema.safeParse({ totalPages: 1, queues: "none" }).success).toBe(false);
  });
});
