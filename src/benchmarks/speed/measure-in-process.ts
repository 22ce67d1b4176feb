import { benchKeyStoreSettings } from '../support/bench-services.js';
/**
 * The worker-side time to match one new record: the query record is written by the service's own
 * write path (TracingRequestsService.create: request, people, names, keys, outbox row, in one
 * transaction), then, once this process's outbox relay has queued its job (in the service the
 * relay runs in the API, and a worker takes the job only after it), MatchingService.matchPerson –
 * the code a worker runs for a job – is called directly and timed: the whole job (locks, blocking,
 * scoring, candidate upserts, status moves, notices, the run), without any queue wait.
 *
 * The engine's ranked list for recall comes afterwards (untimed) from the service's blockAndScore –
 * the blocking and scoring the match job runs, on the record's stored keys – ordered by score,
 * before the storage floor or any threshold: the service's own code decides, nothing is
 * re-implemented here.
 */
import { type DynamicModule, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiModule } from '../../api.module.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { Environment, loadEnvironment } from '../../config/environment.js';
import { BLOCKING_SQL, blockingParameters, findCandidates } from '../../matching/candidate-blocking.js';
import { AuditService } from '../../audit/audit.service.js';
import { BlindIndex } from '../../key-store/blind-index.js';
import { FieldVault } from '../../key-store/field-vault.js';
import { OutboxRelay } from '../../outbox/outbox-relay.js';
import { TracingRequestReader } from '../../tracing-requests/tracing-request-reader.js';
import { blockAndScore } from '../../matching/candidate-scoring.js';
import { openPersonRecord } from '../../persons/sealed-person.js';
import { MATCHER_VERSION } from '../../matching/engine/person-for-matching.js';
import { HotKeyMemo } from '../../matching/hot-key-memo.js';
import { hotKeyMemoProvider } from '../../matching/matching.module.js';
import { MatchingService } from '../../matching/matching.service.js';
import { PersonRecord } from '../../persons/entities/person-record.entity.js';
import type { CreateTracingRequestDto } from '../../tracing-requests/dto/create-tracing-request.dto.js';
import { TracingRequestsService } from '../../tracing-requests/tracing-requests.service.js';
import { quantile } from '../support/stats.js';
import { matcherSettings } from './matcher-settings.js';
import type { QueryRecord } from './generate-people.js';
import type { LoadedDataset } from './load-dataset.js';
import { say } from './progress.js';
import { requestBody } from './request-body.js';

@Module({})
class InProcessBenchModule {
  static forRoot(env: Environment): DynamicModule {
    // The API's module graph (write path, outbox relay, queue producer) plus the worker's MatchingService.
    return { module: InProcessBenchModule, imports: [ApiModule.forRoot(env)], providers: [hotKeyMemoProvider, MatchingService] };
  }
}

/**
 * Only for `--encryption off`, to measure what blind indexes and sealed profiles cost: the
 * service's own write path and match job, with blocking keys stored and looked up as the engine
 * makes them, as the plaintext data set holds them. Nothing in the service can do this.
 */
class PlaintextKeys extends BlindIndex {
  override of(key: string): string {
    return key;
  }
}

function plaintextKeyedServices(app: INestApplicationContext, env: Environment) {
  const keys = new PlaintextKeys(Buffer.alloc(32));
  const [dataSource, vault] = [app.get(DataSource), app.get(FieldVault)];
  return {
    requests: new TracingRequestsService(
      dataSource,
      app.get(AuditService),
      app.get(OutboxRelay),
      app.get(TracingRequestReader),
      vault,
      keys,
    ),
    matching: new MatchingService(dataSource, env, vault, keys, app.get(OutboxRelay), app.get(HotKeyMemo)),
  };
}

export interface QueryOutcome {
  query: QueryRecord;
  personId: string;
  requestId: string;
  matchMs: number;
  /** CPU time of this process (user + system) while matchPerson ran: the Node side, without waits */
  matchCpuMs: number;
  outcome: string;
  candidatesScored: number;
  /** whether a true match's candidate row was written by the default configuration */
  trueMatchStored: boolean;
  /** candidate ids by score, best first, before any threshold (first 10) */
  ranked: string[];
  /** every candidate blocking returned */
  blocked: string[];
}

export interface InProcessResult {
  outcomes: QueryOutcome[];
  blockingMs: number[];
  explains: string[];
}

/** The service's default settings but the matcher's set in the environment, on the benchmark's own database and Redis. */
export function defaultEnvironment(databaseUrl: string, redisUrl: string): Environment {
  return loadEnvironment({
    ...matcherSettings(),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ...benchKeyStoreSettings(databaseUrl),
    LOG_LEVEL: 'silent',
  });
}

export async function measureInProcess(options: {
  databaseUrl: string;
  redisUrl: string;
  dataset: LoadedDataset;
  encryption: 'on' | 'off';
  queries: readonly QueryRecord[];
  warmup: number;
  explain: boolean;
}): Promise<InProcessResult> {
  const env = defaultEnvironment(options.databaseUrl, options.redisUrl);
  const app = await NestFactory.createApplicationContext(InProcessBenchModule.forRoot(env), { logger: false });
  try {
    return await run(app, env, options);
  } finally {
    await app.close();
  }
}

async function run(
  app: INestApplicationContext,
  env: Environment,
  options: { dataset: LoadedDataset; encryption: 'on' | 'off'; queries: readonly QueryRecord[]; warmup: number; explain: boolean },
): Promise<InProcessResult> {
  const dataSource = app.get(DataSource);
  const vault = app.get(FieldVault);
  const { requests, matching } =
    options.encryption === 'on'
      ? { requests: app.get(TracingRequestsService), matching: app.get(MatchingService) }
      : plaintextKeyedServices(app, env);
  const officer: AuthenticatedUser = {
    id: options.dataset.queryOfficerId,
    organisationId: options.dataset.organisationId,
    roles: ['officer'],
    sourceIp: null,
  };
  const relay = app.get(OutboxRelay);
  const outcomes: QueryOutcome[] = [];
  for (const [index, query] of options.queries.entries()) {
    const created = await requests.create(officer, requestBody(query.request) as unknown as CreateTracingRequestDto);
    const sought = created.persons.find((p) => p.role === 'sought');
    if (!sought) throw new Error('the created request has no sought person');
    const job = { personId: sought.id, personVersion: sought.version, matcherVersion: MATCHER_VERSION };
    // The write kicked this process's relay, which queues the job: a worker takes it only then.
    await relay.settled();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const outcome = await matching.matchPerson(job);
    const matchMs = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    const trueMatchStored = await hasCandidate(dataSource.manager, sought.id, query.trueMatchIds);
    const ranked = await rankedCandidates(dataSource.manager, vault, env, sought.id, options.dataset.organisationId);
    outcomes.push({
      query,
      personId: sought.id,
      requestId: created.id,
      matchMs,
      matchCpuMs: (user + system) / 1000,
      outcome,
      candidatesScored: ranked.scored,
      trueMatchStored,
      ranked: ranked.top,
      blocked: ranked.blocked,
    });
    if ((index + 1) % 50 === 0) say(`in-process: ${index + 1}/${options.queries.length} queries`);
  }
  const measured = outcomes.slice(options.warmup);
  const { blockingMs, explains } = await blockingDiagnostics(
    dataSource.manager,
    env,
    app.get(HotKeyMemo),
    options.dataset,
    measured,
    options.explain,
  );
  return { outcomes: measured, blockingMs, explains };
}

async function hasCandidate(manager: EntityManager, personId: string, candidateIds: readonly string[]): Promise<boolean> {
  const rows = await manager.query(
    `SELECT 1 FROM candidate_match
     WHERE matcher_version = $3 AND ((person_a_id = $1 AND person_b_id = ANY($2::uuid[])) OR (person_b_id = $1 AND person_a_id = ANY($2::uuid[])))
     LIMIT 1`,
    [personId, candidateIds, MATCHER_VERSION],
  );
  return rows.length > 0;
}

/** Every candidate blocking finds for the record, scored by the engine, best first; the first k ids. */
async function rankedCandidates(
  manager: EntityManager,
  vault: FieldVault,
  env: Environment,
  personId: string,
  organisationId: string,
  k = 10,
): Promise<{ top: string[]; blocked: string[]; scored: number }> {
  const person = await openPersonRecord(
    vault,
    await manager.findOneOrFail(PersonRecord, { where: { id: personId }, relations: { names: true } }),
  );
  const scored = await blockAndScore(manager, vault, {
    person,
    names: person.names,
    requestId: person.requestId,
    organisationIds: [organisationId],
    keys: await storedKeys(manager, personId),
    limit: env.BLOCKING_CANDIDATE_LIMIT,
    hotKeyRows: env.BLOCKING_HOT_KEY_ROWS,
  });
  scored.sort((a, b) => b.result.score - a.result.score || a.candidate.id.localeCompare(b.candidate.id));
  const ids = scored.map((s) => s.candidate.id);
  return { top: ids.slice(0, k), blocked: ids, scored: scored.length };
}

async function storedKeys(manager: EntityManager, personId: string): Promise<string[]> {
  const rows: Array<{ key: string }> = await manager.query(`SELECT key FROM person_name_key WHERE person_id = $1`, [personId]);
  return rows.map((r) => r.key);
}

/**
 * The blocking step alone, timed again per query (warm caches: a lower bound of its share), and
 * EXPLAIN ANALYZE of the blocking statement for the slowest queries, with the parameters the
 * service's own findCandidates sends.
 */
async function blockingDiagnostics(
  manager: EntityManager,
  env: Environment,
  hotKeys: HotKeyMemo,
  dataset: LoadedDataset,
  measured: readonly QueryOutcome[],
  explain: boolean,
): Promise<{ blockingMs: number[]; explains: string[] }> {
  const blockingMs: number[] = [];
  const parametersByPerson = new Map<string, unknown[]>();
  for (const outcome of measured) {
    const keys = await storedKeys(manager, outcome.personId);
    const query = {
      personId: outcome.personId,
      requestId: outcome.requestId,
      organisationIds: [dataset.organisationId],
      keys,
      limit: env.BLOCKING_CANDIDATE_LIMIT,
      hotKeyRows: env.BLOCKING_HOT_KEY_ROWS,
      // What the match jobs learned: blocking timed as a running worker does it.
      hotKeys,
    };
    // The parameters findCandidates sends, taken before the run teaches the memo anything new.
    parametersByPerson.set(outcome.personId, blockingParameters(query));
    const started = performance.now();
    await findCandidates(manager, query);
    blockingMs.push(performance.now() - started);
  }
  const explains: string[] = [];
  if (explain) {
    const slowest = [...measured].sort((a, b) => b.matchMs - a.matchMs).slice(0, 2);
    for (const outcome of slowest) {
      const plan: Array<Record<string, string>> = await manager.query(
        `EXPLAIN (ANALYZE, BUFFERS) ${BLOCKING_SQL}`,
        parametersByPerson.get(outcome.personId),
      );
      explains.push(
        `-- query ${outcome.personId}: match ${outcome.matchMs.toFixed(1)} ms, ${outcome.candidatesScored} candidates scored\n` +
          plan.map((row) => Object.values(row)[0]).join('\n'),
      );
    }
  }
  return { blockingMs, explains };
}

export const matchQuantiles = (outcomes: readonly QueryOutcome[]) => {
  const times = outcomes.map((o) => o.matchMs);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99) };
};
