import type { IncomingMessage, ServerResponse } from "node:http";
import { describeZodError } from "@callboard/contracts";
import { customerInfo, customerInfoQuerySchema } from "@callboard/stringee";
import type { Core } from "../core.ts";
import type { StringeeConfig } from "../env.ts";
import { answerErrors, HttpError, sendJson } from "../http.ts";

/**
 * GET /stringee/customer-info: PCC's get_customer_info_url. The caller's number in, the queue
 * context out, which PCC hands to the ringing agent's SDK as `customDataFromYourServer` (the
 * contract is written in packages/stringee/src/customer-info.ts). Guarded like the routing webhook.
 */
export function handleCustomerInfo(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { core: Core; config: StringeeConfig },
) {
  return answerErrors(res, async () => {
    if (req.method !== "GET") throw new HttpError(405, "use GET");
    const query = Object.fromEntries(new URL(req.url ?? "/", "http://callboard.invalid").searchParams);
    const parsed = customerInfoQuerySchema.safeParse(query);
    if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
    if (parsed.data.project !== undefined && parsed.data.project !== String(deps.config.projectId))
      throw new HttpError(400, "project: not the project this Callboard serves");
    sendJson(res, 200, customerInfo(deps.core.state, parsed.data));
  });
}
