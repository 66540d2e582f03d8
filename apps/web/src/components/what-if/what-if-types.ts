import type { CallboardClient } from "~/lib/trpc";

/** What `whatIf.status` answers, as the client receives it. */
export type WhatIfStatus = Awaited<ReturnType<CallboardClient["whatIf"]["status"]["query"]>>;
/** A finished comparison. */
export type WhatIfComparison = Extract<Extract<WhatIfStatus, { state: "done" }>["result"], { kind: "done" }>;
export type RunFigures = WhatIfComparison["real"];
