/** Where and as whom an agent's SIP phone registers with Stringee. */
export interface SipRegistration {
  domain: string;
  port: number;
  registrar: string;
  username: string;
}

/** Stringee's SIP domain and port (PCC doc §7); other deployments may use another registrar. */
export const STRINGEE_SIP_DOMAIN = "v2.stringee.com";
export const STRINGEE_SIP_PORT = 15060;

/** The SIP settings an agent types into a phone, so a registered phone counts as "online" (§10). */
export function sipRegistration({
  projectId,
  userId,
}: {
  projectId: string | number;
  userId: string;
}): SipRegistration {
  return {
    domain: STRINGEE_SIP_DOMAIN,
    port: STRINGEE_SIP_PORT,
    registrar: `${STRINGEE_SIP_DOMAIN}:${STRINGEE_SIP_PORT}`,
    username: `${projectId}_${userId}`,
  };
}
