import { z } from "zod";
import { intLike } from "./lenient.ts";

/** Every PCC REST answer: `r = 0` is success; the text is in `message` or, on some endpoints, `msg` (§1). */
export const pccEnvelopeSchema = z.looseObject({
  r: intLike,
  message: z.string().nullish(),
  msg: z.string().nullish(),
  project: z.union([z.number(), z.string()]).nullish(),
  data: z.unknown().optional(),
});
export type PccEnvelope = z.infer<typeof pccEnvelopeSchema>;

/** The human text of an envelope, whichever key PCC used. */
export function pccMessage(envelope: Pick<PccEnvelope, "message" | "msg">): string {
  return envelope.message || envelope.msg || "";
}
