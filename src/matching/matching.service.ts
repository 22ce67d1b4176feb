import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Environment } from '../config/environment.js';
import { BlindIndex } from '../key-store/blind-index.js';
import { FieldVault } from '../key-store/field-vault.js';
import { announceCandidatesForReview } from '../notifications/candidate-notices.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { holdingOutboxRows } from '../outbox/outbox-rows.js';
import { writeProposeOthersToOutbox } from '../outbox/outbox-writer.js';
import type { MatchPersonJob, ProposeOthersJob } from '../queue/matching-jobs.js';
import { blockAndScore, type ScoredCandidate } from './candidate-scoring.js';
import { recordMatchRuns, scoredRow, upsertCandidates } from './candidate-writer.js';
import { MATCHER_VERSION } from './engine/person-for-matching.js';
import { HotKeyMemo } from './hot-key-memo.js';
import { lockMatchSubject, type MatchSubject } from './match-subject.js';
import { replaceNameKeys, storedBlockingKeys, toPersonForMatching } from './name-keys.js';
import { moveMatchedRecords, proposeOthers } from './possible-match.js';

export type MatchOutcome = 'matched' | 'gone' | 'superseded' | 'request_closed' | 'other_matcher_version';

/**
 * Runs one match job: blocking on stored keys, scoring with the engine, an idempotent upsert of
 * candidates above the storage floor, and `possible_match` for the record when it proposes a
 * candidate at or above the review threshold, with the match run, in one transaction. State is
 * re-read under locks first, so a redelivered or stale job changes nothing; nothing moves backwards.
 * The sought people on the other side of its proposals move in a job of their own (decision 0033),
 * queued through the outbox in the same transaction: locking another request while holding this
 * one's deadlocked two jobs proposing each other, and a second transaction in the job doubled its
 * statements.
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
    private readonly vault: FieldVault,
    private readonly index: BlindIndex,
    private readonly relay: OutboxRelay,
    private readonly hotKeys: HotKeyMemo,
  ) {}

  async matchPerson(job: MatchPersonJob): Promise<MatchOutcome> {
    // Queued for another matcher (a rolling upgrade): the workers of that version, or the
    // reconciler of this one, take the record; this one changes nothing.
    if (job.matcherVersion !== MATCHER_VERSION) return 'other_matcher_version';
    const started = performance.now();
    const outcome = await this.dataSource.transaction(async (manager): Promise<MatchOutcome | { othersQueued: boolean }> => {
      // Request and person locked, and everything the job needs of them read, in one statement
      // that also lets the transaction commit without waiting for the disk (lazy-commit.ts).
      const subject = await lockMatchSubject(manager, this.vault, job.personId);
      if (!subject) return 'gone';
      if (subject.lifecycle !== 'open') return 'request_closed';
      if (subject.version > job.personVersion) return 'superseded';

      const keys = await this.currentKeys(manager, subject);
      const scored = await blockAndScore(manager, this.vault, {
        person: subject,
        names: subject.names,
        requestId: subject.requestId,
        organisationIds: subject.organisationIds,
        keys,
        limit: this.env.BLOCKING_CANDIDATE_LIMIT,
        hotKeyRows: this.env.BLOCKING_HOT_KEY_ROWS,
        hotKeys: this.hotKeys,
        reciprocityFloor: this.env.MATCH_STORAGE_FLOOR,
      });
      return this.storeAndPropose(manager, subject, scored, started);
    });
    if (typeof outcome === 'string') return outcome;
    if (outcome.othersQueued) this.relay.kick();
    return 'matched';
  }

  /**
   * The job's writes, under its locks: candidates above the floor, the record's own moves and
   * review notices, the other sides queued (decision 0033), and the run, last.
   */
  private async storeAndPropose(
    manager: EntityManager,
    subject: MatchSubject,
    scored: ScoredCandidate[],
    started: number,
  ): Promise<{ othersQueued: boolean }> {
    const kept = scored.filter(({ result }) => result.score >= this.env.MATCH_STORAGE_FLOOR);
    const open = await upsertCandidates(
      manager,
      kept.map(({ candidate, result }) => scoredRow(subject, candidate, result)),
    );
    // Only pairs left open count: a pair a reviewer decided at these versions proposes nothing.
    const openIds = new Set(open.filter((o) => o.score >= this.env.MATCH_REVIEW_THRESHOLD).flatMap((o) => [o.personAId, o.personBId]));
    const proposed = kept.filter(({ candidate }) => openIds.has(candidate.id)).map((c) => c.candidate);
    const request = {
      id: subject.requestId,
      organisationId: subject.organisationId,
      lifecycle: subject.lifecycle,
      status: subject.requestStatus,
    };
    // Only sought people move, so enquirers on the other side cost nothing.
    const others = proposed.filter((other) => other.role === 'sought').map((other) => other.id);
    // The outbox rows of these three (status events, review notices, the other sides' job) in one insert.
    await holdingOutboxRows(manager, async () => {
      await moveMatchedRecords(
        manager,
        [{ ...subject, request }],
        new Set(proposed.length > 0 ? [subject.id] : []),
        this.env.MATCH_REVIEW_THRESHOLD,
      );
      await announceCandidatesForReview(manager, {
        personId: subject.id,
        candidateIds: proposed.map((c) => c.id),
        matcherVersion: MATCHER_VERSION,
        reviewThreshold: this.env.MATCH_REVIEW_THRESHOLD,
      });
      await writeProposeOthersToOutbox(manager, others);
    });
    const run = { personId: subject.id, personVersion: subject.version, scored: scored.length, stored: kept.length };
    await recordMatchRuns(manager, [{ ...run, durationMs: performance.now() - started }]);
    return { othersQueued: others.length > 0 };
  }

  /** The other sides of a job's proposals (see matchPerson), in one transaction; how many moved. */
  async proposeOtherSides(job: ProposeOthersJob): Promise<number> {
    return this.dataSource.transaction((manager) => proposeOthers(manager, job.personIds, this.env.MATCH_REVIEW_THRESHOLD));
  }

  /** The person's stored keys, rewritten first when an older matcher made them (or none exist). */
  private async currentKeys(manager: EntityManager, subject: MatchSubject): Promise<string[]> {
    if (subject.keysCurrent) return subject.keys;
    if (subject.role === 'enquirer' && subject.agreesToBeFound === null) throw new Error('the request has no intake consent');
    const isTarget = subject.role === 'sought' || subject.agreesToBeFound === true;
    const self = toPersonForMatching(subject, subject.names);
    await replaceNameKeys(manager, this.index, self, subject.organisationId, isTarget);
    return storedBlockingKeys(this.index, self);
  }
}
