import { AuthError } from "@callboard/contracts";
import { RateLimiterMemory } from "rate-limiter-flexible";

/** Failed sign-ins one address may make per 15 minutes before it must wait. */
export const FAILS_PER_ADDRESS = 30;
/** Failed sign-ins for one username before backoff starts; each further one doubles the wait. */
export const FREE_FAILS_PER_USERNAME = 5;
const FIRST_BACKOFF_SEC = 15;
const MAX_BACKOFF_SEC = 15 * 60;

/**
 * Brute-force protection for sign-in (rate-limiter-flexible's "login endpoint" pattern): failures
 * are counted per address and per username; past the free allowance a username waits 15 s, then
 * 30 s, 60 s… up to 15 minutes. A success clears the username's count.
 */
export class SignInLimiter {
  private readonly byAddress = new RateLimiterMemory({
    points: FAILS_PER_ADDRESS,
    duration: 15 * 60,
    blockDuration: 15 * 60,
  });
  /** A counter, not a limit: consecutive failures per username, forgotten after an hour without one. */
  private readonly byUsername = new RateLimiterMemory({ points: 10_000, duration: 3600 });
  private readonly usernameBlocked = new RateLimiterMemory({ points: 1, duration: 1 });

  /** Refuses with 429 + Retry-After while either the address or the username must wait. */
  async check(username: string, address: string | null): Promise<void> {
    const [byAddress, byUser] = await Promise.all([
      address === null ? null : this.byAddress.get(address),
      this.usernameBlocked.get(username),
    ]);
    const waitMs = Math.max(
      byAddress !== null && byAddress.consumedPoints > FAILS_PER_ADDRESS ? byAddress.msBeforeNext : 0,
      byUser !== null && byUser.consumedPoints > 1 ? byUser.msBeforeNext : 0,
    );
    if (waitMs > 0) {
      const sec = Math.ceil(waitMs / 1000);
      throw new AuthError("TOO_MANY_REQUESTS", `too many failed sign-ins: try again in ${sec} s`, sec);
    }
  }

  async failed(username: string, address: string | null): Promise<void> {
    if (address !== null) await this.byAddress.penalty(address, 1);
    const count = (await this.byUsername.penalty(username, 1)).consumedPoints;
    if (count >= FREE_FAILS_PER_USERNAME) {
      const sec = Math.min(FIRST_BACKOFF_SEC * 2 ** (count - FREE_FAILS_PER_USERNAME), MAX_BACKOFF_SEC);
      await this.usernameBlocked.block(username, sec);
    }
  }

  async succeeded(username: string): Promise<void> {
    await Promise.all([this.byUsername.delete(username), this.usernameBlocked.delete(username)]);
  }
}
