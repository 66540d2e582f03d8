// The what-if package's public surface: only what other packages import.
export { type OfferOutcome, type RecordedBehaviour, recordedBehaviour } from "./behaviour.ts";
export { changedQueue, cloneId, type WhatIfChange } from "./change.ts";
export { compareDecisions, type DecisionComparison, type DecisionDiff } from "./compare.ts";
export { type RunFigures, SAMPLE_MS } from "./measure.ts";
export { busiestMembers, type ChangePlan, planChange } from "./plan.ts";
export { type PeriodRun, runPeriod, WAKE_GRACE_MS } from "./run.ts";
export { splitAt } from "./split.ts";
export { DIFFS_SHOWN, periodHasCalls, runWhatIf, type WhatIfInput, type WhatIfResult } from "./whatif.ts";
