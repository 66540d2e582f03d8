import { AuthError } from "@callboard/contracts";
import { RateLimiterMemory } from "rate-limiter-flexible";

/** Failed sign-ins one address may make per 15 minutes before it must wait. */
export const FAILS_PER_ADDRESS = 30;
/** Failed sign-ins for one username from one address before backoff starts; each further one doubles the wait. */
export const FREE_FAILS_PER_ATTEMPTER = 5;
/** Failed sign-ins for one username from all addresses together per hour (a distributed guess). */
export const FAILS_PER_USERNAME = 100;
const FIRST_BACKOFF_SEC = 15;
const MAX_BACKOFF_SEC = 15 * 60;

/** Verifications one address may run at once (an office behind one NAT signs in at shift start). */
export const CONCURRENT_PER_ADDRESS = 4;

const busy = () =>
  new AuthError("TOO_MANY_REQUESTS", "another sign-in is being checked: try again in 1 s", 1);

const tooMany = (waitMs: number) => {
  const sec = Math.max(1, Math.ceil(waitMs / 1000));
  return new AuthError("TOO_MANY_REQUESTS", `too many failed sign-ins: try again in ${sec} s`, sec);
};

/**
 * Brute-force protection for sign-in (rate-limiter-flexible's "login endpoint" pattern):
 * - one verification at a time per username (and a few per address), reserved BEFORE the password
 *   is hashed, so a burst of concurrent guesses cannot all pass the check while the hashes run;
 * - consecutive failures per username *and address* back off 15 s, 30 s, 60 s… up to 15 minutes,
 *   so a stranger's guesses cannot lock the real person out from their own address;
 * - failures per address (30 / 15 min) and per username from everywhere (100 / hour) are capped.
 * A success clears that username's count from that address.
 */
export class SignInLimiter {
  private readonly byAddress = new RateLimiterMemory({ points: FAILS_PER_ADDRESS, duration: 15 * 60 });
  private readonly byUsername = new RateLimiterMemory({ points: FAILS_PER_USERNAME, duration: 3600 });
  /** A counter, not a limit: consecutive failures per username+address, forgotten after an hour. */
  private readonly byAttempter = new RateLimiterMemory({ points: 10_000, duration: 3600 });
  private readonly attempterBlocked = new RateLimiterMemory({ points: 1, duration: 1 });
  private readonly usernamesInFlight = new Set<string>();
  private readonly addressesInFlight = new Map<string, number>();

  /**
   * Reserves this attempt (429 + Retry-After when it must wait); the caller runs the verification
   * and then calls `failed` or `succeeded`, which release the reservation.
   */
  async begin(username: string, address: string | null): Promise<void> {
    const who = attempter(username, address);
    const from = address ?? "unknown";
    const running = this.addressesInFlight.get(from) ?? 0;
    if (this.usernamesInFlight.has(username) || running >= CONCURRENT_PER_ADDRESS) throw busy();
    this.usernamesInFlight.add(username);
    this.addressesInFlight.set(from, running + 1);
    try {
      const [byAddress, byUsername, blocked] = await Promise.all([
        address === null ? null : this.byAddress.get(address),
        this.byUsername.get(username),
        this.attempterBlocked.get(who),
      ]);
      const waitMs = Math.max(
        byAddress !== null && byAddress.remainingPoints <= 0 ? byAddress.msBeforeNext : 0,
        byUsername !== null && byUsername.remainingPoints <= 0 ? byUsername.msBeforeNext : 0,
        blocked !== null && blocked.consumedPoints > 1 ? blocked.msBeforeNext : 0,
      );
      if (waitMs > 0) throw tooMany(waitMs);
    } catch (error) {
      this.release(username, address);
      throw error;
    }
  }

  async failed(username: string, address: string | null): Promise<void> {
    try {
      const who = attempter(username, address);
      await Promise.all([
        address === null ? null : this.byAddress.penalty(address, 1),
        this.byUsername.penalty(username, 1),
      ]);
      const count = (await this.byAttempter.penalty(who, 1)).consumedPoints;
      if (count >= FREE_FAILS_PER_ATTEMPTER) {
        const sec = Math.min(FIRST_BACKOFF_SEC * 2 ** (count - FREE_FAILS_PER_ATTEMPTER), MAX_BACKOFF_SEC);
        await this.attempterBlocked.block(who, sec);
      }
    } finally {
      this.release(username, address);
    }
  }

  async succeeded(username: string, address: string | null): Promise<void> {
    try {
      const who = attempter(username, address);
      await Promise.all([this.byAttempter.delete(who), this.attempterBlocked.delete(who)]);
    } finally {
      this.release(username, address);
    }
  }

  private release(username: string, address: string | null): void {
    this.usernamesInFlight.delete(username);
    const from = address ?? "unknown";
    const running = (this.addressesInFlight.get(from) ?? 1) - 1;
    if (running > 0) this.addressesInFlight.set(from, running);
    else this.addressesInFlight.delete(from);
  }
}

const attempter = (username: string, address: string | null) => `${username}|${address ?? "unknown"}`;
