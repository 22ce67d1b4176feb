/** When repeated failed logins lock an account (settings LOGIN_FAILURE_*, LOGIN_LOCKOUT_SECONDS). */
export interface LockoutPolicy {
  limit: number;
  windowSeconds: number;
  lockoutSeconds: number;
}

export interface FailureState {
  count: number;
  windowStart: Date | null;
}

/**
 * The failure counter after one more failure at `now`: a failure outside the current window starts
 * a new window. `lockUntil` is set when the count reaches the limit; the counter then starts over,
 * so an account unlocked by time gets the full number of attempts again.
 */
export function afterFailure(state: FailureState, now: Date, policy: LockoutPolicy): { state: FailureState; lockUntil: Date | null } {
  const windowOpen = state.windowStart !== null && now.getTime() - state.windowStart.getTime() < policy.windowSeconds * 1000;
  const count = windowOpen ? state.count + 1 : 1;
  if (count >= policy.limit) {
    return { state: { count: 0, windowStart: null }, lockUntil: new Date(now.getTime() + policy.lockoutSeconds * 1000) };
  }
  return { state: { count, windowStart: windowOpen ? state.windowStart : now }, lockUntil: null };
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
