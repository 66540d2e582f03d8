/** An agent row as PCC returns it (§3.2). */
export interface FakeAgentRow {
  id: string;
  account: number;
  project: number;
  name: string;
  stringee_user_id: string;
  manual_status: string;
  routing_type: 1 | 2;
  phone_number: string;
  /** 0 on a call, 1 free; PCC may report others (2 = after-call work?). */
  system_status: number;
  device_status: number;
  last_time_pickup: number;
  last_time_support_call_ended: number;
}

/** A group row as PCC returns it (§4). */
export interface FakeGroupRow {
  id: string;
  account: number;
  project: number;
  name: string;
  number_of_agent: number;
}

/** A membership row as PCC returns it (§4). */
export interface FakeMemberRow {
  account: number;
  project: number;
  agent_id: string;
  group_id: string;
}

/** A queue row with PCC's documented fields (§5.1). */
export interface FakeQueueRow {
  id: string;
  account: number;
  project: number;
  name: string;
  record_calls: boolean;
  agent_wrap_up_after_calls: boolean;
  wrap_up_time_limit: number;
  schedule: 1 | 2;
  wait_agent_answer_timeout: number;
  wait_greeting: string | null;
  hold_greeting: string | null;
  maximum_queue_size: number;
  maximum_queue_wait_time: number;
  from_number_callout_to_agent: string | null;
  get_list_agents_url: string | null;
  route_to_backup_groups_after?: number;
}

/** A group routing row as PCC returns it (§5.2). */
export interface FakeRoutingRow {
  id: string;
  account: number;
  project: number;
  queue_id: string;
  group_id: string;
  primary_group: 0 | 1;
}

/** A new agent in Callboard-style names; omitted fields take PCC's defaults. */
export interface AddAgentInput {
  stringeeUserId: string;
  name?: string;
  manualStatus?: string;
  routingType?: 1 | 2;
  phoneNumber?: string;
  systemStatus?: number;
}

/** A new queue: a name plus any PCC queue fields (defaults from §5.1). */
export type AddQueueInput = { name: string } & Partial<
  Omit<FakeQueueRow, "id" | "account" | "project" | "name">
>;

/** The fake PCC's data, with mutators tests use to stage a center. Rows are PCC's wire shapes. */
export interface FakeStore {
  readonly agents: FakeAgentRow[];
  readonly groups: FakeGroupRow[];
  readonly members: FakeMemberRow[];
  readonly queues: FakeQueueRow[];
  readonly routings: FakeRoutingRow[];
  /** Returns the new `AG_…` id. */
  addAgent(input: AddAgentInput): string;
  updateAgent(agentId: string, patch: Partial<Omit<FakeAgentRow, "id" | "account" | "project">>): boolean;
  setManualStatus(agentId: string, status: string): void;
  setSystemStatus(agentId: string, status: number): void;
  /** Returns the new `GR_…` id. */
  addGroup(name: string): string;
  addMember(groupId: string, agentId: string): void;
  /** Returns the new `QU_…` id. */
  addQueue(input: AddQueueInput): string;
  /** Returns the new `GR_RO_…` id. */
  routeQueueToGroup(queueId: string, groupId: string, primary: boolean): string;
}

const ACCOUNT = 1;

/** In-memory PCC data with PCC-shaped ids (`AG_…`, `GR_…`, `QU_…`, `GR_RO_…`), deterministic per store. */
export function createFakeStore(projectId: number): FakeStore {
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${(++counter).toString(36).toUpperCase().padStart(16, "0")}`;
  const agents: FakeAgentRow[] = [];
  const groups: FakeGroupRow[] = [];
  const members: FakeMemberRow[] = [];
  const queues: FakeQueueRow[] = [];
  const routings: FakeRoutingRow[] = [];
  const owner = { account: ACCOUNT, project: projectId };

  const agent = (id: string) => {
    const row = agents.find((a) => a.id === id);
    if (!row) throw new Error(`fake PCC: no agent ${id}`);
    return row;
  };
  const group = (id: string) => {
    const row = groups.find((g) => g.id === id);
    if (!row) throw new Error(`fake PCC: no group ${id}`);
    return row;
  };

  return {
    agents,
    groups,
    members,
    queues,
    routings,
    addAgent(input) {
      const id = nextId("AG_");
      agents.push({
        id,
        ...owner,
        name: input.name ?? input.stringeeUserId,
        stringee_user_id: input.stringeeUserId,
        manual_status: input.manualStatus ?? "NOT AVAILABLE",
        routing_type: input.routingType ?? 1,
        phone_number: input.phoneNumber ?? "",
        system_status: input.systemStatus ?? 1,
        device_status: 0,
        last_time_pickup: 0,
        last_time_support_call_ended: 0,
      });
      return id;
    },
    updateAgent(agentId, patch) {
      const row = agents.find((a) => a.id === agentId);
      if (!row) return false;
      Object.assign(row, patch);
      return true;
    },
    setManualStatus(agentId, status) {
      agent(agentId).manual_status = status;
    },
    setSystemStatus(agentId, status) {
      agent(agentId).system_status = status;
    },
    addGroup(name) {
      const id = nextId("GR_");
      groups.push({ id, ...owner, name, number_of_agent: 0 });
      return id;
    },
    addMember(groupId, agentId) {
      const g = group(groupId);
      agent(agentId);
      if (members.some((m) => m.group_id === groupId && m.agent_id === agentId)) return;
      members.push({ ...owner, agent_id: agentId, group_id: groupId });
      g.number_of_agent++;
    },
    addQueue(input) {
      const id = nextId("QU_");
      queues.push({
        record_calls: true,
        agent_wrap_up_after_calls: true,
        wrap_up_time_limit: 10,
        schedule: 1,
        wait_agent_answer_timeout: 15,
        wait_greeting: null,
        hold_greeting: null,
        maximum_queue_size: 5,
        maximum_queue_wait_time: 60,
        from_number_callout_to_agent: null,
        get_list_agents_url: null,
        ...input,
        id,
        ...owner,
      });
      return id;
    },
    routeQueueToGroup(queueId, groupId, primary) {
      if (!queues.some((q) => q.id === queueId)) throw new Error(`fake PCC: no queue ${queueId}`);
      group(groupId);
      const id = nextId("GR_RO_");
      routings.push({ id, ...owner, queue_id: queueId, group_id: groupId, primary_group: primary ? 1 : 0 });
      return id;
    },
  };
}
