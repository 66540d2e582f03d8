import type { IncomingMessage } from "node:http";
import { SOCKET_REFUSAL, type SocketData } from "@callboard/contracts";
import type { Auth } from "./auth/auth.ts";
import { clientAddress, hostProblem, originProblem, type RequestPolicy } from "./auth/request-policy.ts";
import { sessionToken } from "./auth/session-cookie.ts";

/** An Error whose message is one of SOCKET_REFUSAL: Socket.IO sends it to the client as connect_error. */
function refuse(reason: (typeof SOCKET_REFUSAL)[keyof typeof SOCKET_REFUSAL]): Error {
  return new Error(reason);
}

/**
 * Who may open a live connection. CORS does not apply to WebSockets, so the Origin is checked here
 * (a page on another site must not read the center with the person's cookie), and the Host too
 * (DNS rebinding). Then a session cookie (a person) or a wallboard token (a screen) is required.
 */
export function authenticateSocket(
  request: IncomingMessage,
  handshakeAuth: Record<string, unknown>,
  deps: { auth: Auth; policy: RequestPolicy },
): SocketData {
  const { auth, policy } = deps;
  if (
    hostProblem(request, policy) ||
    (request.headers.origin !== undefined && originProblem(request, policy))
  ) {
    throw refuse(SOCKET_REFUSAL.FOREIGN_ORIGIN);
  }
  const address = clientAddress(request, policy);
  const wallboardToken = handshakeAuth.wallboardToken;
  if (typeof wallboardToken === "string") {
    const principal = auth.wallboardPrincipal(wallboardToken, address);
    if (!principal) throw refuse(SOCKET_REFUSAL.REVOKED);
    return { principal, address };
  }
  const principal = auth.sessionPrincipal(sessionToken(request));
  if (!principal) throw refuse(SOCKET_REFUSAL.SIGNED_OUT);
  return { principal, address };
}
