/**
 * The service's settings for a fault-injection run: the intervals that decide how fast a fault is
 * recovered from are shortened, so the run does not wait out production defaults, and the rate
 * limits are lifted, so refusals measure faults and not the client's pace. Everything else is the
 * service's default.
 */
export const FAULT_RUN_SETTINGS: Readonly<Record<string, string>> = {
  // A dead worker's job is taken up again by the other after 2 s (lock and stalled check), not 30 s.
  MATCH_JOB_LOCK_MS: '2000',
  // Records whose job went with Redis or failed for good are handed back within seconds, not minutes.
  RECONCILE_INTERVAL_MS: '2000',
  RECONCILE_MIN_AGE_SECONDS: '5',
  OUTBOX_POLL_MS: '250',
  RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
  RATE_LIMIT_READS_PER_MINUTE: '1000000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
  TOKEN_TTL_SECONDS: '86400',
  LOG_LEVEL: 'info',
};
