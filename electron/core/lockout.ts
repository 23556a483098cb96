/** After this many failures in a row an account locks until an administrator unlocks it. */
export const LOCK_AFTER_FAILURES = 10;
/** Failures allowed before each further attempt must wait. */
export const FREE_FAILURES = 3;
const MAX_WAIT_SECONDS = 60;

export interface LoginGate {
  allowed: boolean;
  /** Seconds to wait before the next attempt (0 when allowed). */
  waitSeconds: number;
}

/**
 * The growing delay between failed attempts: none for the first three, then 1, 2, 4 … seconds
 * (at most 60) counted from the last failure. Refused attempts inside the wait do not count.
 */
export function loginGate(failedCount: number, lastFailedAt: number | null, now: number): LoginGate {
  if (failedCount < FREE_FAILURES || lastFailedAt === null) return { allowed: true, waitSeconds: 0 };
  const wait = Math.min(2 ** (failedCount - FREE_FAILURES), MAX_WAIT_SECONDS) * 1000;
  const left = lastFailedAt + wait - now;
  return left <= 0 ? { allowed: true, waitSeconds: 0 } : { allowed: false, waitSeconds: Math.ceil(left / 1000) };
}
