import { SetMetadata } from '@nestjs/common';

export const LOGIN_RATE_LIMIT_KEY = 'rate-limit:login';
export const NO_RATE_LIMIT_KEY = 'rate-limit:none';

/**
 * A login route: limited per client address and per submitted email (RATE_LIMIT_LOGIN_PER_MINUTE),
 * and not counted as a write.
 */
export const LoginRateLimit = () => SetMetadata(LOGIN_RATE_LIMIT_KEY, true);

/** Never rate-limited (health checks: an orchestrator polling them must not be refused). */
export const NoRateLimit = () => SetMetadata(NO_RATE_LIMIT_KEY, true);
