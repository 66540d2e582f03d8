export {
  createSimulator,
  DEFAULT_AGENTS,
  defaultQueueCount,
  type Simulator,
  type SimulatorOptions,
} from "./simulator.ts";
