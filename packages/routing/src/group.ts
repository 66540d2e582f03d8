/** A group of agents (PCC: `/v1/group` + membership); an agent may be in any number of groups. */
export interface GroupConfig {
  id: string;
  name: string;
  /** Agent ids, in the group's fixed order (the top-down strategy rings in this order). */
  members: string[];
}
