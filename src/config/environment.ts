import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

/**
 * Every setting the service reads, declared once and validated at start-up.
 * Settings marked SENSITIVE are never printed, not even in the error for a malformed value.
 */
export class Environment {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string;

  /** SENSITIVE: signs the short-lived bearer tokens. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** Interface the API binds to; loopback unless a deployment says otherwise. */
  @IsString()
  HOST: string = '127.0.0.1';

  /** Loopback-only port serving /metrics (and the worker's /health). 0 disables it. */
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT: number = 0;

  @IsInt()
  @Min(60)
  @Max(86400)
  TOKEN_TTL_SECONDS: number = 900;

  /**
   * SENSITIVE: 64 hex characters (32 bytes), the AES-256-GCM key that encrypts each user's TOTP secret
   * at rest. Optional here because workers never touch it; the API refuses to start without it.
   * `npm start` generates one in its secrets file, like JWT_SECRET.
   */
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'TOTP_ENCRYPTION_KEY must be 64 hex characters' })
  TOTP_ENCRYPTION_KEY?: string;

  /**
   * SENSITIVE: the key store, a PostgreSQL database apart from the data (decision 0024): each
   * person's data key, wrapped, and the erasure log. Backed up apart, with its own short retention.
   */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'KEYSTORE_DATABASE_URL must be a postgres:// URL' })
  KEYSTORE_DATABASE_URL: string;

  /**
   * SENSITIVE: master keys that wrap the data keys, 64 hex characters each, comma-separated, newest
   * first: the newest wraps, all unwrap, so `cli rotate-keys` re-wraps while both are configured.
   */
  @Matches(/^[0-9a-fA-F]{64}(,[0-9a-fA-F]{64})*$/, {
    message: 'DATA_KEY_MASTER_KEYS must be 64 hex characters, comma-separated, newest first',
  })
  DATA_KEY_MASTER_KEYS: string;

  /** Failed logins (password or second factor) within LOGIN_FAILURE_WINDOW_SECONDS that lock an account. */
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_FAILURE_LIMIT: number = 5;

  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_FAILURE_WINDOW_SECONDS: number = 900;

  /** How long a locked account refuses every login (an admin can unlock it sooner). */
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_LOCKOUT_SECONDS: number = 900;

  /** Lifetime of the challenge token between the password step and the second-factor step. */
  @IsInt()
  @Min(30)
  @Max(1800)
  SECOND_FACTOR_CHALLENGE_SECONDS: number = 300;

  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY: number = 4;

  @IsInt()
  @Min(100)
  @Max(60000)
  OUTBOX_POLL_MS: number = 1000;

  /** Candidates scoring below this are counted, not stored. */
  @IsNumber()
  @Min(0)
  @Max(1)
  MATCH_STORAGE_FLOOR: number = 0.2;

  /** A stored candidate at or above this is proposed for review (the sought person moves to possible_match). */
  @IsNumber()
  @Min(0)
  @Max(1)
  MATCH_REVIEW_THRESHOLD: number = 0.6;

  /** How long a reviewer's claim on a candidate lasts before another reviewer may take it. */
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  REVIEW_CLAIM_MINUTES: number = 30;

  /**
   * Most candidates blocking hands to scoring per record, best-ranked first. 100 keeps pair
   * completeness ≥ 0.997 on every development record set and, at 100k stored records, 85 % of true
   * matches (200: 88 %, 40: 80 %) at about half the scoring of 200: a missed match costs a family
   * more than the milliseconds saved (docs/decisions/0009-fewer-candidates-scored.md, addendum).
   */
  @IsInt()
  @Min(1)
  @Max(5000)
  BLOCKING_CANDIDATE_LIMIT: number = 100;

  /**
   * A blocking key held by this many records or more is "hot" (a frequent name): it is left out of
   * the lookup while the record has more selective keys, and read only up to this many rows when not.
   */
  @IsInt()
  @Min(10)
  @Max(100_000)
  BLOCKING_HOT_KEY_ROWS: number = 1000;

  /**
   * How often the worker looks for work Redis lost: records whose current version has no finished
   * match run, and periodic schedules (search closing, retention) missing from Redis.
   */
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  RECONCILE_INTERVAL_MS: number = 300_000;

  /** A record younger than this is left to its own job. */
  @IsInt()
  @Min(0)
  @Max(86_400)
  RECONCILE_MIN_AGE_SECONDS: number = 600;

  /** Re-matching after a matcher-version change hands records back only while fewer jobs than this wait. */
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  REMATCH_MAX_BACKLOG: number = 5000;

  /**
   * A match job's lock: a worker that dies mid-job loses it after this long, and another worker
   * takes the job up again (BullMQ's stalled-job check runs at the same interval).
   */
  @IsInt()
  @Min(1000)
  @Max(600_000)
  MATCH_JOB_LOCK_MS: number = 30_000;

  /**
   * Webhook receivers must use https. 'true' also allows plain http to a loopback address
   * (127.0.0.0/8, ::1, localhost), for tests and development only; never set it in production.
   */
  @IsIn(['true', 'false'])
  WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true' | 'false' = 'false';

  /** A webhook POST that has not answered after this long is a failed attempt. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  /**
   * Attempts per delivery, the first included. With the default delay, 12 attempts keep retrying
   * for about 5.7 hours (10 s, 20 s, 40 s ... 2.8 h between attempts) before the delivery fails.
   */
  @IsInt()
  @Min(1)
  @Max(30)
  WEBHOOK_ATTEMPTS: number = 12;

  /** First delay between webhook attempts; it doubles after each failure (BullMQ exponential backoff). */
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_BACKOFF_MS: number = 10_000;

  /**
   * Days a search runs before the schedule closes it as "no match", counted from the day it began
   * (the coarse status's day). Only requests none of whose sought people is past `searching` are
   * closed, so a refused search and a fruitless one close alike (docs/decisions/0010-survivor-status.md).
   */
  @IsInt()
  @Min(1)
  @Max(3650)
  SEARCH_PERIOD_DAYS: number = 365;

  /** How often the worker applies every organisation's retention policy (default daily). */
  @IsInt()
  @Min(1000)
  @Max(7 * 86_400_000)
  RETENTION_INTERVAL_MS: number = 86_400_000;

  /** How often the worker's schedule looks for searches whose period has run out. */
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  SEARCH_CLOSING_INTERVAL_MS: number = 3_600_000;

  /** Largest JSON request body the API reads, in kilobytes; a larger one is answered 413 and never parsed. */
  @IsInt()
  @Min(1)
  @Max(10_240)
  BODY_LIMIT_KB: number = 256;

  /**
   * Browser origins allowed to call the API cross-origin: a comma-separated list of exact origins
   * (`https://tracing.example.org,https://admin.example.org`, no paths, no wildcards). Empty (the
   * default) sends no CORS headers at all, so browsers refuse every cross-origin call.
   */
  @ValidateIf((_, value) => value !== '')
  @Matches(/^\s*https?:\/\/[^\s,/*]+\s*(,\s*https?:\/\/[^\s,/*]+\s*)*$/i, {
    message: 'CORS_ORIGINS must be a comma-separated list of origins such as https://tracing.example.org',
  })
  CORS_ORIGINS: string = '';

  /**
   * Reverse proxies in front of the API whose X-Forwarded-For is believed (Express `trust proxy` hops).
   * 0 (the default) uses the connection's address; behind one TLS proxy set 1, or every client shares
   * the proxy's address and its per-address login limit.
   */
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS: number = 0;

  /** Login attempts per minute, counted both per client address and per submitted email (hashed). */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_LOGIN_PER_MINUTE: number = 10;

  /** POST/PUT/PATCH/DELETE requests per minute per signed-in user (per client address for the public set-password). */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_WRITES_PER_MINUTE: number = 120;

  /** GET requests per minute per signed-in user. Health checks are never limited. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_READS_PER_MINUTE: number = 600;

  /** Minutes without a page request after which a web-console session ends (the user signs in again). */
  @IsInt()
  @Min(1)
  @Max(720)
  CONSOLE_IDLE_MINUTES: number = 30;

  /**
   * Whether the console's cookies carry `Secure`. Keep 'true' behind TLS; browsers also accept Secure
   * cookies from http://127.0.0.1 and http://localhost. 'false' only for a plain-http address that is
   * not loopback (a test network).
   */
  @IsIn(['true', 'false'])
  CONSOLE_SECURE_COOKIES: 'true' | 'false' = 'true';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;
}

const SENSITIVE = new Set([
  'DATABASE_URL',
  'REDIS_URL',
  'JWT_SECRET',
  'TOTP_ENCRYPTION_KEY',
  'KEYSTORE_DATABASE_URL',
  'DATA_KEY_MASTER_KEYS',
]);

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** The exact origins CORS_ORIGINS allows, without blanks; empty when cross-origin calls are closed. */
export function corsOrigins(env: Pick<Environment, 'CORS_ORIGINS'>): string[] {
  return env.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
    .map(normaliseOrigin);
}

/** As a browser sends it in the Origin header: lower-case scheme and host, no default port. */
function normaliseOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

/** Reads and checks the environment; throws one error listing every missing or malformed setting. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(new Environment())) raw[key] = source[key];
  for (const key of SENSITIVE) raw[key] = source[key];
  for (const [key, value] of Object.entries(raw)) if (value === undefined || value === '') delete raw[key];

  const env = plainToInstance(Environment, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(env, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.map((error) => {
        const missing = raw[error.property] === undefined;
        if (missing) return `${error.property} is required`;
        const why = Object.values(error.constraints ?? {}).join('; ');
        return SENSITIVE.has(error.property) ? `${error.property} is malformed (${why})` : `${error.property}: ${why}`;
      }),
    );
  }
  return env;
}

/**
 * Reads and checks DATABASE_URL alone, for commands that need the database and nothing else (the CLI).
 * Same rule and messages as loadEnvironment; the value itself is never printed.
 */
export function loadDatabaseUrl(source: NodeJS.ProcessEnv = process.env): string {
  const value = source.DATABASE_URL;
  if (value === undefined || value === '') throw new ConfigurationError(['DATABASE_URL is required']);
  const error = validateSync(plainToInstance(Environment, { DATABASE_URL: value })).find((e) => e.property === 'DATABASE_URL');
  if (error) throw new ConfigurationError([`DATABASE_URL is malformed (${Object.values(error.constraints ?? {}).join('; ')})`]);
  return value;
}
