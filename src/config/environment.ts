import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

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

  /**
   * Most candidates blocking hands to scoring per record, best-ranked first. 40 keeps pair
   * completeness ≥ 0.993 on every development record set; at 100k stored records it keeps 81 % of
   * true matches where 200 kept 90 % (docs/decisions/0009-fewer-candidates-scored.md).
   */
  @IsInt()
  @Min(1)
  @Max(5000)
  BLOCKING_CANDIDATE_LIMIT: number = 40;

  /**
   * A blocking key held by this many records or more is "hot" (a frequent name): it is left out of
   * the lookup while the record has more selective keys, and read only up to this many rows when not.
   */
  @IsInt()
  @Min(10)
  @Max(100_000)
  BLOCKING_HOT_KEY_ROWS: number = 1000;

  /** How often the worker looks for records whose current version has no finished match run. */
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

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;
}

const SENSITIVE = new Set(['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']);

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads and checks the environment; throws one error listing every missing or malformed setting. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(new Environment())) raw[key] = source[key];
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']) raw[key] = source[key];
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
