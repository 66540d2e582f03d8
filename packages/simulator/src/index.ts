// How the simulated people behave, for drivers that fast-forward a center in-process (the bench's seeder).
export { ANSWER_PROBABILITY, answerDelayMs, patienceMs, talkTimeMs } from "./behaviour.ts";
export { createRng, type Rng } from "./prng.ts";
export {
  createSimulator,
  DEFAULT_AGENTS,
  defaultQueueCount,
  type Simulator,
  type SimulatorOptions,
} from "./simulator.ts";
