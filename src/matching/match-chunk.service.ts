import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Environment } from '../config/environment.js';
import { BlindIndex } from '../key-store/blind-index.js';
import { FieldVault } from '../key-store/field-vault.js';
import { announcePairsForReview } from '../notifications/candidate-notices.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { holdingOutboxRows } from '../outbox/outbox-rows.js';
import { writeProposeOthersToOutbox } from '../outbox/outbox-writer.js';
import type { MatchChunkJob } from '../queue/matching-jobs.js';
import type { RequestLifecycle } from '../tracing-requests/request-vocabulary.js';
import type { ScoredCandidate } from './candidate-scoring.js';
import { recordMatchRuns, scoredRow, upsertCandidates, type ScoredPairRow } from './candidate-writer.js';
import { blockAndScoreChunk, pairKey } from './chunk-scoring.js';
import { MATCHER_VERSION } from './engine/person-for-matching.js';
import { HotKeyMemo } from './hot-key-memo.js';
import { commitWithoutWaitingForDisk } from './lazy-commit.js';
import { readMatchSubjects, type MatchSubject } from './match-subject.js';
import { replaceNameKeys, storedBlockingKeys, toPersonForMatching } from './name-keys.js';
import { moveMatchedRecords, type LockedMatchedRecord } from './possible-match.js';

/** What a chunk job did with its records. */
export interface ChunkOutcome {
  /** matched by the chunk */
  matched: number;
  /** gone, closed, superseded, or changed while the chunk scored them: their newer job or the reconciler takes them */
  skipped: number;
}

interface LockedRow {
  id: string;
  version: number;
  status: string;
  requestId: string;
  organisationId: string;
  lifecycle: RequestLifecycle;
  requestStatus: string;
}

/**
 * A bulk re-score of many records in one job (decision 0031): what `MatchingService.matchPerson`
 * does for one record, with the reading and scoring shared (chunk-scoring.ts) and the writes made
 * once for the chunk. Unlike a single job it scores before it locks – the chunk's requests locked
 * for the whole scoring would hold officers' edits for seconds – so it locks its records only to
 * write, and leaves out any that changed meanwhile (a new version has a job of its own); a pair
 * whose candidate changed or whose request closed meanwhile is left out by the upsert. The
 * results are the rows a job per record would write: one per unordered pair and matcher version.
 */
@Injectable()
export class MatchChunkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
    private readonly vault: FieldVault,
    private readonly index: BlindIndex,
    private readonly relay: OutboxRelay,
    private readonly hotKeys: HotKeyMemo,
  ) {}

  async matchChunk(job: MatchChunkJob): Promise<ChunkOutcome> {
    if (job.matcherVersion !== MATCHER_VERSION) return { matched: 0, skipped: job.people.length };
    const started = performance.now();
    const queued = new Map(job.people.map((person) => [person.personId, person.personVersion]));
    const read = await readMatchSubjects(this.dataSource.manager, this.vault, [...queued.keys()]);
    // An enquirer's request without an intake consent cannot say whether they may be found: that
    // record is left out, as its own job would fail.
    const live = read.filter(
      (s) => s.lifecycle === 'open' && s.version <= (queued.get(s.id) ?? 0) && !(s.role === 'enquirer' && s.agreesToBeFound === null),
    );
    // Keys an older matcher made (after a matcher-version change, every record's): blocking asks
    // with the new ones at once, and they are stored under the record's lock with the results.
    const rekeyed = new Set<string>();
    const current = live.map((subject) => {
      if (subject.keysCurrent) return subject;
      rekeyed.add(subject.id);
      return { ...subject, keys: storedBlockingKeys(this.index, toPersonForMatching(subject, subject.names)) };
    });
    const scored = await blockAndScoreChunk(this.dataSource.manager, this.vault, current, {
      limit: this.env.BLOCKING_CANDIDATE_LIMIT,
      hotKeyRows: this.env.BLOCKING_HOT_KEY_ROWS,
      hotKeys: this.hotKeys,
      reciprocityFloor: this.env.MATCH_STORAGE_FLOOR,
    });
    const written = await this.dataSource.transaction((manager) => this.write(manager, current, scored, rekeyed, started));
    if (written.othersQueued) this.relay.kick();
    return { matched: written.matched, skipped: job.people.length - written.matched };
  }

  /** Locks the chunk's records, leaves out those that changed, and writes what the others found. */
  private async write(
    manager: EntityManager,
    subjects: readonly MatchSubject[],
    scored: ReadonlyMap<string, ScoredCandidate[]>,
    rekeyed: ReadonlySet<string>,
    started: number,
  ): Promise<{ matched: number; othersQueued: boolean }> {
    await commitWithoutWaitingForDisk(manager);
    const locked = await lockChunk(
      manager,
      subjects.map((s) => s.id),
    );
    const kept = subjects.filter((s) => {
      const row = locked.get(s.id);
      return row !== undefined && row.lifecycle === 'open' && row.version === s.version && scored.has(s.id);
    });
    for (const subject of kept.filter((s) => rekeyed.has(s.id))) {
      const isTarget = subject.role === 'sought' || subject.agreesToBeFound === true;
      await replaceNameKeys(manager, this.index, toPersonForMatching(subject, subject.names), subject.organisationId, isTarget);
    }
    const floor = this.env.MATCH_STORAGE_FLOOR;
    const stored = kept.map((s) => ({ subject: s, candidates: (scored.get(s.id) ?? []).filter((c) => c.result.score >= floor) }));
    // One row per unordered pair: two records of the chunk that found each other scored it once.
    const rows = new Map<string, ScoredPairRow>();
    for (const { subject, candidates } of stored) {
      for (const { candidate, result } of candidates) {
        const key = pairKey(subject.id, candidate.id);
        if (!rows.has(key)) rows.set(key, scoredRow(subject, candidate, result));
      }
    }
    const open = await upsertCandidates(manager, [...rows.values()]);
    const openPairs = new Set(open.filter((o) => o.score >= this.env.MATCH_REVIEW_THRESHOLD).map((o) => pairKey(o.personAId, o.personBId)));
    const results = stored.map(({ subject, candidates }) => ({
      subject,
      stored: candidates.length,
      proposed: candidates.map((c) => c.candidate).filter((c) => openPairs.has(pairKey(subject.id, c.id))),
    }));
    const records: LockedMatchedRecord[] = kept.map((s) => {
      const row = locked.get(s.id) as LockedRow;
      return {
        id: s.id,
        role: s.role,
        status: row.status,
        request: { id: row.requestId, organisationId: row.organisationId, lifecycle: row.lifecycle, status: row.requestStatus },
      };
    });
    const proposing = new Set(results.filter((r) => r.proposed.length > 0).map((r) => r.subject.id));
    // As for one record: the other sides move in jobs of their own, and the runs are recorded here.
    const others = results.flatMap((r) => r.proposed.filter((c) => c.role === 'sought').map((c) => c.id));
    await holdingOutboxRows(manager, async () => {
      await moveMatchedRecords(manager, records, proposing, this.env.MATCH_REVIEW_THRESHOLD);
      await announcePairsForReview(manager, {
        pairs: results.flatMap((r) => r.proposed.map((c) => ({ personId: r.subject.id, candidateId: c.id }))),
        matcherVersion: MATCHER_VERSION,
        reviewThreshold: this.env.MATCH_REVIEW_THRESHOLD,
      });
      await writeProposeOthersToOutbox(manager, others);
    });
    const elapsedEach = (performance.now() - started) / Math.max(1, results.length);
    await recordMatchRuns(
      manager,
      results.map((r) => ({
        personId: r.subject.id,
        personVersion: r.subject.version,
        scored: scored.get(r.subject.id)?.length ?? 0,
        stored: r.stored,
        durationMs: elapsedEach,
      })),
    );
    return { matched: results.length, othersQueued: others.length > 0 };
  }
}

/**
 * The chunk's requests and records locked in one statement, in request id order (as reviewers and
 * proposals lock several requests, so none of them can deadlock with another), request before
 * person within a row; the locked rows' columns are read as they are once locked.
 */
async function lockChunk(manager: EntityManager, personIds: readonly string[]): Promise<Map<string, LockedRow>> {
  if (personIds.length === 0) return new Map();
  const rows: LockedRow[] = await manager.query(
    `SELECT p.id, p.version, p.status, p.request_id AS "requestId", r.organisation_id AS "organisationId", r.lifecycle,
            r.status AS "requestStatus"
     FROM person_record p JOIN tracing_request r ON r.id = p.request_id
     WHERE p.id = ANY($1::uuid[])
     ORDER BY r.id, p.id
     FOR NO KEY UPDATE OF r, p`,
    [personIds],
  );
  return new Map(rows.map((row) => [row.id, row]));
}
